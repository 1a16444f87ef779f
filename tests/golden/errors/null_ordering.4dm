// < > <= >= with Null are errors (versioned_docs/version-20/Concepts/dt_null_undefined.md)
var $b : Boolean
ALERT("before")
$b:=Null<1  // <-- error
ALERT("after")
