// Pointers to process variables
vName:="a"
var $p : Pointer:=->vName
$p->:=$p->+"b"
ALERT(vName)
