// Reading through a nil pointer is a runtime error at that statement
var $p : Pointer
var $t : Text
ALERT("before")
$t:=$p->  // <-- error
ALERT("after")
