// Text*Text is a type error
var $x : Variant
$x:="a"*"b"  // <-- error
ALERT("after")
