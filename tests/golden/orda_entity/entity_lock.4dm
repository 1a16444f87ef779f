// lock()/unlock() share the record locks of the classic commands
ofill
var $e; $st : Object
$e:=ds.Employee.get(3)
ALERT(JSON Stringify($e.lock()))
ALERT(JSON Stringify($e.lock()))
$e.Salary:=3300
ALERT(String($e.save().success))
ALERT(JSON Stringify($e.unlock()))
// a record loaded read-write by a worker process is locked for this one
var $p : Integer
$p:=New process("ent_hold"; 0; "holder")
DELAY PROCESS(Current process; 5)
$st:=$e.lock()
ALERT(String($st.success)+" "+String($st.status)+" "+$st.statusText+" "+$st.lockKindText+" "+$st.lockInfo.task_name)
$e.Salary:=1
$st:=$e.save()
ALERT(String($st.status=dk status locked))
ALERT(String(ds.Employee.get(3).Salary))
// a dropped record cannot be locked
ALERT(JSON Stringify(ds.Employee.get(1).drop()))
