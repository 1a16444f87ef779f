// GET PROCESS VARIABLE / SET PROCESS VARIABLE read and write the process variables of another
// process; each process has its own copy of process variables
var $p : Integer
var $t : Text
prcVar:="main value"
$p:=New process("prc_setvar"; 0; "pv")
DELAY PROCESS(Current process; 1)
GET PROCESS VARIABLE($p; prcVar; $t)
ALERT($t)
ALERT(prcVar)
SET PROCESS VARIABLE($p; prcVar; "written by main")
GET PROCESS VARIABLE($p; prcVar; $t)
ALERT($t)
