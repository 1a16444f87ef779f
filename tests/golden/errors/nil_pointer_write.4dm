// Writing through a nil pointer is a runtime error at that statement
var $p : Pointer
ALERT("before")
$p->:=1  // <-- error
ALERT("after")
