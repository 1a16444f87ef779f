// Null can be stored in a property; it is kept by JSON Stringify
var $o : Object:={p: 1}
$o.p:=Null
ALERT(JSON Stringify($o))
ALERT(String(Value type($o.p)=Is null))
ALERT(String($o.p=Null))
ALERT(String(Undefined($o.p)))
