// An error inside a compiled class function (modulo by zero): error 3 is reported in the
// function, called from this method; the next line does not run.
var $a : cs.FastPt
$a:=cs.FastPt.new(7; 1)
ALERT(String($a.modBy(4)))
ALERT(String($a.modBy(0)))
ALERT("not reached")
