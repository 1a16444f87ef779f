// The loop of ccs_fill_this where This.c is Null: the store fails (cannot index Null)
// at the helper's line, compiled or not.
var $o : Object
$o:=New object("c"; Null; "f"; Formula(ccs_fill_this(1; 2)))
ALERT("before")
$o.f()
ALERT("after")
