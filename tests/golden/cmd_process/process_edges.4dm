// Edge cases: ABORT PROCESS BY ID and KILL WORKER of unknown processes do nothing; Count tasks;
// GET PROCESS VARIABLE copies an array; Storage is seen by every process; an ended process
// has no number any more (Process number gives 0)
var $p : Integer
ARRAY TEXT($mine; 0)
ABORT PROCESS BY ID(999)
KILL WORKER("nobody")
ALERT(String(Count tasks))
$p:=New process("prc_arrays"; 0; "arr")
ALERT(String(Count tasks))
DELAY PROCESS(Current process; 1)
GET PROCESS VARIABLE($p; prcArr; $mine)
ALERT(String(Size of array($mine))+" "+$mine{2})
ALERT(Storage.seen.join(",")+" "+String(OB Is shared(Storage.seen)))
ABORT PROCESS BY ID($p)
DELAY PROCESS(Current process; 1)
ALERT(String(Process number("arr"))+" "+String(Count tasks))
