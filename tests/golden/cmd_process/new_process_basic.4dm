// New process (developer.4d.com/docs/commands/new-process): returns the new process number;
// the new process runs when the creator yields (fourd's cooperative scheduler), with its own name
var $p : Integer
$p:=New process("prc_log"; 0; "child"; "hello")
ALERT("created "+String($p)+" state "+String(Process state($p)))
ALERT(Current process name+" "+String(Current process))
DELAY PROCESS(Current process; 1)
ALERT("after delay state "+String(Process state($p)))
