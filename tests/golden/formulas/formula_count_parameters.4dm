// Count parameters inside a formula
$f:=Formula(Count parameters)
ALERT(String($f.call(Null; 1; 2; 3)))
