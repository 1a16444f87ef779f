// Use...End use locks a shared object for one process at a time (doc: other processes wait
// until End use); nested Use in the same process is allowed. Main waits long enough for both
var $s : Object
$s:=New shared object
New process("prc_use_slow"; 0; "u1"; $s)
New process("prc_use_slow"; 0; "u2"; $s)
DELAY PROCESS(Current process; 20)
Use ($s)
	ALERT("main in, last="+$s.last)
End use
