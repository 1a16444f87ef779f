// A pointer to one array element
ARRAY LONGINT($a; 3)
var $p : Pointer:=->$a{2}
$p->:=42
ALERT(String($a{2}))
ALERT(String($p->+1))
