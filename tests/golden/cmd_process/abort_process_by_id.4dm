// ABORT PROCESS BY ID stops a process (fourd: the unique ID is the process number)
var $p : Integer
$p:=New process("prc_counter"; 0; "long"; "x"; 100)
DELAY PROCESS(Current process; 1)
ABORT PROCESS BY ID($p)
DELAY PROCESS(Current process; 2)
ALERT("state "+String(Process state($p)))
