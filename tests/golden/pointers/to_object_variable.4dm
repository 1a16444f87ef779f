// p->prop and p->["prop"] reach the properties of a pointed object variable
var $o : Object:={}
var $p : Pointer:=->$o
$p->name:="n"
$p->["k"]:=1
ALERT(JSON Stringify($o))
ALERT($p->name)
