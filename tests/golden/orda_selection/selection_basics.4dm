// entity selections: length, [i], For each, first/last, slice, at, attribute projection
ofill
var $s; $e : Object
var $t : Text
$s:=ds.Employee.all()
ALERT(String($s.length)+" "+$s[0].Name+" "+$s[5].Name)
For each ($e; $s)
	$t:=$t+$e.Name+","
End for each
ALERT($t)
ALERT($s.first().Name+" "+$s.last().Name+" "+$s.at(-2).Name)
ALERT(String(ds.Employee.query("ID > 100").first()=Null))
ALERT(String($s.slice(1; 3).length)+" "+$s.slice(1; 3)[0].Name+" "+String($s.slice(-2).length))
ALERT(JSON Stringify($s.Salary))
ALERT(JSON Stringify($s.company.Name))
ALERT(String($s.company.length)+" "+String(ds.Company.all().employees.length))
ALERT(String(ds.Company.get(1).employees.Salary.sum()))
// out of range
$e:=Try($s[6])
ALERT(String(Last errors.length>0))
// For each with begin and end
$t:=""
For each ($e; $s; 2; 4)
	$t:=$t+$e.Name+","
End for each
ALERT($t)
