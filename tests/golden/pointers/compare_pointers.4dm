// = and # on pointers compare their targets
var $x; $y : Real
var $p1; $p2 : Pointer
$p1:=->$x
$p2:=->$x
ALERT(String($p1=$p2))
ALERT(String($p1=(->$y)))
ALERT(String($p1#(->$y)))
