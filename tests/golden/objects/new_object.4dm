// New object with key/value pairs, or empty
var $o : Object
$o:=New object("a"; 1; "b"; "x")
ALERT(JSON Stringify($o))
ALERT(JSON Stringify(New object))
ALERT(JSON Stringify(New object("n"; New object("m"; True))))
