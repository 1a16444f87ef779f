// DELAY PROCESS on another process, PAUSE PROCESS / RESUME PROCESS and Process state
// (Delayed 1, Paused 5, Executing 0, Aborted -1; Does not exist -100 for a bad number)
var $p : Integer
$p:=New process("prc_counter"; 0; "P"; "p"; 2)
DELAY PROCESS($p; 600)
ALERT(String(Process state($p)))
PAUSE PROCESS($p)
ALERT(String(Process state($p)))
RESUME PROCESS($p)
ALERT(String(Process state($p)))
ALERT(String(Process state(99)))
DELAY PROCESS(Current process; 30)
ALERT(String(Process state($p)))
