// optimistic locking: two entities of one record, the second save sees the stamp changed
ofill
var $a; $b; $st : Object
$a:=ds.Employee.get(2)
$b:=ds.Employee.get(2)
$a.Salary:=2100
ALERT(JSON Stringify($a.save()))
$b.Salary:=2200
$st:=$b.save()
ALERT(String($st.success)+" "+String($st.status)+" "+$st.statusText)
ALERT(String($st.status=dk status stamp has changed))
// dk auto merge: another attribute changed, merged
$b:=ds.Employee.get(2)
$a.reload()
$a.Name:="Bob"
ALERT(JSON Stringify($a.save()))
$b.Active:=True
$st:=$b.save(dk auto merge)
ALERT(String($st.success)+" "+String($st.autoMerged))
$b:=ds.Employee.get(2)
ALERT($b.Name+" "+String($b.Active)+" "+String($b.Salary))
// the same attribute: automerge fails
$a:=ds.Employee.get(2)
$b:=ds.Employee.get(2)
$a.Salary:=1
$a.save()
$b.Salary:=2
$st:=$b.save(dk auto merge)
ALERT(String($st.status)+" "+$st.statusText)
// reload() takes the stored values and stamp
ALERT(String($b.reload().success)+" "+String($b.Salary)+" "+String($b.getStamp()=$a.getStamp()))
// a dropped entity
ALERT(JSON Stringify($a.drop()))
$st:=$b.save()
ALERT(String($st.status)+" "+$st.statusText)
ALERT(String($b.reload().success)+" "+String(ds.Employee.get(2)=Null))
