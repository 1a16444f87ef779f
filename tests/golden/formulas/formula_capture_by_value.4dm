// locals are captured by value when the formula is created
$x:=10
$f:=Formula($x*2)
$x:=100
ALERT(String($f.call()))
