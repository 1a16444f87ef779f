// a formula created in a function captures the function's locals
$c:=cs.Calc.new()
ALERT(JSON Stringify($c.applyTo([1; 2; 3])))
$c.factor:=10
ALERT(String($c.scale(2)))
