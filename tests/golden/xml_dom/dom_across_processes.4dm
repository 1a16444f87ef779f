// XML references are valid in every process of the application (not per process): another
// process changes the tree this one created; after DOM CLOSE XML the reference is invalid there too
// (the helper xd_worker reports both of its failing commands)
var $root; $out; $v : Text
var $p : Integer
$root:=DOM Create XML Ref("shared")
$p:=New process("xd_worker"; 0; "xd child"; $root)
DELAY PROCESS(Current process; 2)
$ref:=DOM Find XML element($root; "fromProcess")
DOM GET XML ELEMENT VALUE($ref; $v)
ALERT("OK="+String(OK)+" "+$v)
DOM CLOSE XML($root)
$p:=New process("xd_worker"; 0; "xd child 2"; $root)
DELAY PROCESS(Current process; 2)
ALERT("done")
