// Objects are passed by reference: the callee changes the caller's object, but rebinding its
// parameter does not affect the caller
var $o : Object:={x: 1}
prm_modify_object($o)
ALERT(JSON Stringify($o))
