// add(), and(), or(), minus(), contains(), copy(), isAlterable() (docs/API/EntitySelectionClass.md)
ofill
var $a; $b; $c : Object
$a:=ds.Employee.query("Salary < 4000")
$b:=ds.Employee.query("Active = true")
ALERT(String($a.and($b).length)+" "+String($a.or($b).length)+" "+String($a.minus($b).length))
ALERT(String($a.minus(ds.Employee.get(1)).length))
ALERT(String($a.contains(ds.Employee.get(2)))+" "+String($a.contains(ds.Employee.get(6))))
// a query result is shareable: not alterable
ALERT(String($a.isAlterable()))
$c:=Try($a.add(ds.Employee.get(6)))
ALERT(String(Last errors.length>0))
// copy() is alterable; add() keeps the order and duplicates
$c:=$a.copy()
ALERT(String($c.isAlterable()))
$c.add(ds.Employee.get(6))
$c.add(ds.Employee.get(1))
ALERT(String($c.length)+" "+$c.last().Name)
// newSelection() then add()
$c:=ds.Employee.newSelection()
$c.add(ds.Employee.get(3)).add(ds.Employee.get(2))
ALERT(String($c.length)+" "+$c[0].Name)
ALERT(String($a.copy(ck shared).isAlterable()))
