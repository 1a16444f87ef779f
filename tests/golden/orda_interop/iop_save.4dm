// helper (no .out): saves entity $1 with a new salary
#DECLARE($id : Integer)
var $e : Object
$e:=ds.Employee.get($id)
$e.Salary:=4200
$e.save()
