// A declared Pointer is nil; Is nil pointer and = Null test it
var $p : Pointer
var $x : Text
ALERT(String(Is nil pointer($p)))
ALERT(String($p=Null))
$p:=->$x
ALERT(String(Is nil pointer($p)))
