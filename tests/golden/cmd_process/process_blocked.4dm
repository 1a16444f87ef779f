// A process paused forever: fourd run reports it blocked and exits 70
var $p : Integer
$p:=New process("prc_counter"; 0; "stuck"; "s"; 3)
PAUSE PROCESS($p)
ALERT("main done")
