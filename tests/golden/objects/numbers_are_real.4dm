// Numbers inside objects are always Real, even from an Integer variable
var $i : Integer:=5
var $o : Object:={}
$o.n:=$i
ALERT(String(Value type($o.n)=Is real))
ALERT(String(Value type($i)=Is longint))
ALERT(String($o.n+1))
