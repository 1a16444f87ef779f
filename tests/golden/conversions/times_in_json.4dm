// A time put in an object becomes a number of seconds
// [AMBIGUOUS in LANGUAGE.md §3.5] choice: seconds (the default setting), not milliseconds.
var $o : Object:={}
$o.t:=?01:00:00?
ALERT(JSON Stringify($o))
ALERT(String(Value type($o.t)=Is real))
