// computed attributes (Function get/set/query/orderBy) and alias attributes
ofill
var $e : cs.EmployeeEntity
$e:=ds.Employee.get(3)
ALERT($e.label+" "+String($e.yearly))
$e.label:="Cecilia (1)"
ALERT($e.Name+" "+String($e.touched()))
ALERT($e.companyName+" "+$e.bossName)
ALERT(String(ds.Employee.query("label = 'e@'").length))
ALERT(String(ds.Employee.query("yearly > :1"; 50000).length))
ALERT(JSON Stringify(ds.Employee.query("label # 'zz' order by label desc").Name))
ALERT(JSON Stringify(ds.Employee.all().orderBy("label").Name))
ALERT(String(ds.Employee.query("companyName = 'Globex'").length))
ALERT(JSON Stringify(ds.Employee.query("ID < 4 order by companyName desc").Name))
ALERT(String(ds.Employee.query("bossName = 'Ann'").length))
ALERT(JSON Stringify(ds.Employee.get(2).toObject("Name, label, companyName")))
ALERT(JSON Stringify(ds.Employee.query("ID < 4").companyName))
