// Value type of a pointer; Type of a dereferenced pointer is the target's type
var $t : Text
var $n : Integer
var $p : Pointer:=->$t
ALERT(String(Value type($p)=Is pointer))
ALERT(String(Type($p->)=Is text))
$p:=->$n
ALERT(String(Type($p->)=Is longint))
