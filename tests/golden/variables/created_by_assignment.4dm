// Variables created by assignment are typeless in interpreted mode: their type can change
$x:=5
ALERT(String(Value type($x)=Is real))
$x:="now text"
ALERT(String(Value type($x)=Is text))
ALERT($x)
$y:=!2024-01-01!
ALERT(String($y+1))
