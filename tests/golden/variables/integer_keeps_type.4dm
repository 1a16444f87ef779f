// A var-declared Integer keeps its type; Integer and Real mix in arithmetic
var $i : Integer:=5
$i:=$i*3
ALERT(String($i))
ALERT(String(Value type($i)=Is longint))
ALERT(String($i+0.5))
ALERT(String(Value type($i+0.5)=Is real))
