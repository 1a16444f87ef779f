// New process with * (doc: "if a process with this name is already executing, 4D does not
// create a new process and returns the number of the existing one"); without *, a new one
var $a; $b; $c : Integer
$a:=New process("prc_counter"; 0; "uniq"; "u"; 2; *)
$b:=New process("prc_counter"; 0; "uniq"; "v"; 2; *)
$c:=New process("prc_counter"; 0; "uniq"; "w"; 1)
ALERT(String($a)+" "+String($b)+" "+String($c))
ALERT(String(Process number("uniq")))
ALERT(String(Process number("nosuch")))
