// Locals belong to one call: var_local_probe has its own $x
var $x : Integer:=1
var_local_probe
ALERT("caller x="+String($x))
var_local_probe
