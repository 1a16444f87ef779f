// New signal (developer.4d.com/docs/API/SignalClass): a process waits with .wait() until
// another process calls .trigger(); the signal is shared, so both see the same object
var $s : 4D.Signal
$s:=New signal("job")
ALERT($s.description+" "+String($s.signaled)+" "+String(OB Is shared($s)))
New process("prc_trigger"; 0; "worker"; $s)
ALERT(String($s.wait(10)))
ALERT(String($s.signaled)+" "+$s.result)
