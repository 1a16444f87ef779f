// Assigning undefined to an existing property resets it to the empty value of its type;
// to a missing property it does nothing (versioned_docs/version-20/Concepts/dt_null_undefined.md)
var $o : Object:={n: 5; t: "x"; b: True}
$o.n:=$o.missing
$o.t:=$o.missing
$o.b:=$o.missing
$o.newprop:=$o.missing
ALERT(JSON Stringify($o))
ALERT(String(Undefined($o.newprop)))
