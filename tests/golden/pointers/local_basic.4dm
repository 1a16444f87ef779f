// -> makes a pointer to a local; p-> reads and writes the target
var $x : Integer:=5
var $p : Pointer
$p:=->$x
ALERT(String($p->))
$p->:=7
ALERT(String($x))
$p->:=$p->+1
ALERT(String($x))
