// orderBy() with a text or a collection, orderByFormula(), isOrdered(), query() on a selection, drop()
ofill
var $s : Object
ALERT(JSON Stringify(ds.Employee.all().orderBy("company.Name desc, Name").Name))
ALERT(JSON Stringify(ds.Employee.all().orderBy(New collection(New object("propertyPath"; "Salary"; "descending"; True))).Name))
ALERT(JSON Stringify(ds.Employee.all().orderByFormula(Formula(Length(This.Name)*10000-This.Salary)).Name))
ALERT(JSON Stringify(ds.Employee.all().orderByFormula(Formula(This.Info.age); dk descending).Name))
ALERT(String(ds.Employee.all().isOrdered())+" "+String(ds.Employee.all().orderBy("Name").isOrdered()))
$s:=ds.Employee.query("Salary > 1500")
ALERT(String($s.query("Name = 'e@'").length))
ALERT(String(ds.Employee.query("Salary > 4500").drop().length)+" "+String(ds.Employee.all().length))
