// A pointer to an array: p->{i}, Size of array(p->)
ARRAY TEXT($a; 3)
var $p : Pointer:=->$a
$p->{2}:="two"
ALERT($a{2})
ALERT(String(Size of array($p->)))
APPEND TO ARRAY($p->; "four")
ALERT($a{4})
