// an uncaught error ends the method; On Exit still runs; exit code 70
LOG EVENT(Into system standard outputs; "before error\n")
var $o : Object
$o.missing.deeper:=1
LOG EVENT(Into system standard outputs; "after error (must not print)\n")
