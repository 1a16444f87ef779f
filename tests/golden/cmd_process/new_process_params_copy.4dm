// New process: object parameters are copied, shared objects are passed by reference
// (LANGUAGE.md §9; doc: objects/collections are copied unless shared)
var $o; $s : Object
$o:=New object("n"; 1)
$s:=New shared object("n"; 1)
New process("prc_modify"; 0; "m1"; $o)
New process("prc_modify"; 0; "m2"; $s)
DELAY PROCESS(Current process; 2)
ALERT(String($o.n)+" "+String($s.n))
