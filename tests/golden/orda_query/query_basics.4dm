// dataClass.query(): comparators, placeholders, text rules (docs/API/DataClassClass.md#query)
ofill
var $s : Object
// = ignores case and accents; @ is the wildcard
ALERT(String(ds.Employee.query("Name = 'BOB'").length))
ALERT(String(ds.Employee.query("Name = 'e@'").length))
ALERT(ds.Employee.query("Name = 'cecile'").first().Name)
// === : @ is an ordinary character
ALERT(String(ds.Employee.query("Name === 'e@'").length))
// # and != are "not equal"
ALERT(String(ds.Employee.query("Name # 'e@'").length))
ALERT(String(ds.Employee.query("Name != 'bob'").length))
// numbers and ranges, indexed or not
ALERT(String(ds.Employee.query("Salary >= 3000 and Salary < 5000").length))
ALERT(String(ds.Employee.query("ID > 4").length))
ALERT(String(ds.Employee.query("Salary <= 2000 | Salary > 5500").length))
// positional placeholders
ALERT(String(ds.Employee.query("Salary > :1 AND Name = :2"; 1500; "D@").length))
// named placeholders and attribute placeholders (querySettings)
$s:=ds.Employee.query(":att >= :min"; New object("parameters"; New object("min"; 5000); "attributes"; New object("att"; "Salary")))
ALERT(String($s.length))
// not, parentheses
ALERT(String(ds.Employee.query("not(Name = 'a@') & (Salary < 3000 | Salary > 5000)").length))
// booleans and dates
ALERT(String(ds.Employee.query("Active = true").length))
ALERT(String(ds.Employee.query("Hired >= :1"; !2020-04-01!).length))
ALERT(String(ds.Employee.query("Hired < '2020-03-01'").length))
// IN with a collection or a list
ALERT(String(ds.Employee.query("ID IN :1"; New collection(1; 3; 99)).length))
ALERT(String(ds.Employee.query("Name in ['ann', 'dan']").length))
// % keyword
ALERT(String(ds.Company.query("Name % 'acme'").length))
