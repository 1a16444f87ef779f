// A pointer lets a called method change the caller's local variable and array
var $t : Text:="before"
ARRAY TEXT($list; 0)
ptr_set_text(->$t; "after")
ALERT($t)
ptr_append(->$list; "a")
ptr_append(->$list; "b")
ALERT(String(Size of array($list))+" "+$list{2})
