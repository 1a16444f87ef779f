// SignalClass .wait(timeout): returns False when the timeout (seconds) passes without trigger;
// a signal already triggered returns True at once
var $s : 4D.Signal
$s:=New signal
ALERT(String($s.wait(0.05))+" ["+$s.description+"]")
$s.trigger()
ALERT(String($s.wait(0)))
