// A pointer stored in an object property is dereferenced with ->
var $x : Real:=1
var $o : Object:={}
$o.ptr:=->$x
$o.ptr->:=2
ALERT(String($x))
ALERT(String(Value type($o.ptr)=Is pointer))
