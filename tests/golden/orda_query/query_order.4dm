// order by inside the query, orderBy(): texts in 4D order (case and accents ignored)
ofill
var $e : Object
var $t : Text
For each ($e; ds.Employee.query("Salary > 0 order by Name"))
	$t:=$t+$e.Name+" "
End for each
ALERT($t)
$t:=""
For each ($e; ds.Employee.query("Salary > 0 order by company.Name desc, Salary asc"))
	$t:=$t+$e.Name+" "
End for each
ALERT($t)
ALERT(String(ds.Employee.query("order by Salary desc").first().Name))
ALERT(String(ds.Employee.query("ID > 0").isOrdered())+" "+String(ds.Employee.query("ID > 0 order by ID").isOrdered()))
