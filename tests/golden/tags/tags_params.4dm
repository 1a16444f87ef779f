// PROCESS 4D TAGS: $1...$n are its parameters; the template has its own local
// variables (docs: "A dedicated set of local variables"), kept between its tags
$x:="caller's"
PROCESS 4D TAGS("<!--#4DTEXT $1-->+<!--#4DTEXT $2-->=<!--#4DTEXT $1+$2-->"; $out; 2; 3)
ALERT($out)
PROCESS 4D TAGS("[<!--#4DTEXT $x-->]<!--#4DEVAL $x:=\"mine\"-->[<!--#4DTEXT $x-->]"; $out)
ALERT($out)
ALERT($x)
PROCESS 4D TAGS("<!--#4DTEXT Count parameters-->;<!--#4DTEXT $3-->"; $out; "a"; "b"; !2024-01-05!)
ALERT($out)
// a template may change a pointed variable
$n:=1
PROCESS 4D TAGS("<!--#4DEVAL $1->:=$1->+41-->"; $out; ->$n)
ALERT(String($n))
