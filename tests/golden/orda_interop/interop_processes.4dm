// two processes save the same entity: the second save sees the stamp changed; locks cross languages
ofill
var $e; $st : Object
$e:=ds.Employee.get(4)
$e.Salary:=4100
var $p : Integer
$p:=New process("iop_save"; 0; "other"; 4)
DELAY PROCESS(Current process; 5)
ALERT("other saved: "+String(ds.Employee.get(4).Salary))
$st:=$e.save()
ALERT(String($st.success)+" "+String($st.status)+" "+$st.statusText)
// entity locked by ORDA: the classic language loads it read-only
$e:=ds.Employee.get(5)
$e.lock()
$p:=New process("iop_classic"; 0; "classic"; 5)
DELAY PROCESS(Current process; 5)
ALERT("classic process: "+Storage.iop.locked)
$e.unlock()
