// a case that fails on purpose: error_reported.exit holds the exit code, .err the stderr
ALERT("before")
var $o : Object
$o.a.b:=1
