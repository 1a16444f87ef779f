// Modifying a shared object outside Use...End use is an error (doc: new-shared-object)
var $s : Object
$s:=New shared object("a"; 1)
ALERT(String($s.a))
$s.a:=2
ALERT("not reached")
