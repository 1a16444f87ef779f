// queryPlan / queryPath in querySettings (docs/API/DataClassClass.md#queryplan)
ofill
var $s : Object
$s:=ds.Employee.query("Salary < 3000 and Name = 'b@'"; New object("queryPlan"; True; "queryPath"; True))
ALERT(JSON Stringify($s.queryPlan))
ALERT(String($s.queryPath.steps[0].recordsfounds))
ALERT(String($s.queryPath.steps[0].steps.length))
ALERT(String($s.queryPath.steps[0].steps[0].recordsfounds))
ALERT(String(ds.Employee.query("Salary < 3000").queryPlan=Null))
$s:=ds.Employee.query("company.Name = 'G@'"; New object("queryPlan"; True))
ALERT(JSON Stringify($s.queryPlan))
