// errors: an unknown attribute in a query, a bad query text, a missing placeholder value
ofill
var $s : Object
$s:=Try(ds.Employee.query("Nope = 1"))
ALERT(String(Last errors.length>0)+" "+String($s=Null))
$s:=Try(ds.Employee.query("Name = "))
ALERT(String(Last errors.length>0))
$s:=Try(ds.Employee.query("Name = :2"; "x"))
ALERT(String(Last errors.length>0))
$s:=Try(ds.Employee.query("(Name = 'x'"))
ALERT(String(Last errors.length>0))
ALERT(String(ds.Employee.query("Name = :1"; "ann").length))
ds.Employee.query("Salary = 'abc' or unknown.x = 2")
