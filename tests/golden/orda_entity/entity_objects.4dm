// toObject(), fromObject(), clone(), diff(), getDataClass()
ofill
var $e; $o; $c : Object
$e:=ds.Company.get(2)
ALERT(JSON Stringify($e.toObject()))
ALERT(JSON Stringify($e.toObject("Name, City")))
ALERT(JSON Stringify($e.toObject("Name"; dk with primary key+dk with stamp)))
ALERT(JSON Stringify($e.toObject("Name, employees.Name")))
ALERT(JSON Stringify(ds.Employee.get(5).toObject("Name, company.*")))
ALERT(JSON Stringify(ds.Employee.get(5).toObject("Name, company")))
$o:=ds.Employee.get(6).toObject("Info")
ALERT(JSON Stringify($o))
// fromObject: attributes and a related entity by __KEY
$e:=ds.Employee.new()
$e.fromObject(New object("Name"; "Zoe"; "Salary"; 7000; "company"; New object("__KEY"; 2); "unknown"; 1))
ALERT($e.Name+" "+String($e.Salary)+" "+String($e.CompanyID)+" "+$e.company.Name)
ALERT(String($e.save().success)+" "+String($e.ID))
// clone: another entity of the same record
$c:=$e.clone()
$c.Name:="Zoé"
ALERT($e.Name+" "+$c.Name+" "+String($c.getKey()))
ALERT(JSON Stringify($e.diff($c)))
ALERT(String($e.diff($e).length))
ALERT($e.getDataClass().getInfo().name)
ALERT(String(OB Instance of($e; 4D.Entity))+" "+String(OB Instance of(ds.Employee.all(); 4D.EntitySelection)))
