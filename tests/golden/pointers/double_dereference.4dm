// A pointer to a pointer is dereferenced twice with ($pp->)->
var $x : Text:="deep"
var $p; $pp : Pointer
$p:=->$x
$pp:=->$p
ALERT(($pp->)->)
($pp->)->:="changed"
ALERT($x)
