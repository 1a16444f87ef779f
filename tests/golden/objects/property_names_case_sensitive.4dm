// Property names are case-sensitive
var $o : Object:={}
$o.Name:="upper"
$o.name:="lower"
ALERT($o.Name+" "+$o.name)
ALERT(JSON Stringify($o))
ALERT(String(Undefined($o.NAME)))
