// Value type of elements; numbers are Real
var $i : Integer:=7
var $c : Collection:=["t"; 1; True; Null; {}; []]
$c[6]:=$i
ALERT(String(Value type($c[0]))+" "+String(Value type($c[1]))+" "+String(Value type($c[2])))
ALERT(String(Value type($c[3]))+" "+String(Value type($c[4]))+" "+String(Value type($c[5])))
ALERT(String(Value type($c[6])))
