// An error inside a called method stops the whole run; the call chain names both methods
ALERT("before")
var $r : Real
$r:=err_bad_addition(1)
ALERT("after")
