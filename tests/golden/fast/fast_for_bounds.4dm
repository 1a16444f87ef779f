// A For whose bounds compiled code cannot compute (a command, a property) still runs its
// body compiled: start, end and step are evaluated once when the loop starts
C_LONGINT($i; $n)
ARRAY LONGINT($a; 6)
var $o : Object
$o:=New object("last"; 4; "step"; 2)
For ($i; 1; Size of array($a))
	$a{$i}:=$i*$i
End for
For ($i; Num("2"); $o.last)
	$n:=$n+$a{$i}
End for
ALERT(String($n)+" "+String($i))
$n:=0
For ($i; Size of array($a); 1; -$o.step)
	$n:=$n+$a{$i}
End for
ALERT(String($n)+" "+String($i))
