// null handling: an object attribute set to null, queries on null, nulls in orderBy, distinct, toObject
ofill
var $e : Object
$e:=ds.Employee.get(3)
$e.Info:=Null
ALERT(String($e.save().success))
ALERT(String(ds.Employee.get(3).Info=Null))
ALERT(String(ds.Employee.query("Info = null").length)+" "+String(ds.Employee.query("Info # null").length))
ALERT(String(ds.Employee.query("Info.age = null").length))
// nulls sort first, ascending
ALERT(JSON Stringify(ds.Employee.all().orderBy("Info.age").Name))
ALERT(JSON Stringify(ds.Employee.all().distinct("Info.age")))
ALERT(String(ds.Employee.all().count("Info.age"))+" "+String(ds.Employee.all().min("Info.age")))
ALERT(JSON Stringify(ds.Employee.get(3).toObject("Name, Info, manager")))
ALERT(JSON Stringify(ds.Employee.get(1).toObject("Name, manager")))
