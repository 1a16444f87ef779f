// Compiled For loops: the counter after the loop, downward steps, real bounds, a real counter, an empty loop, a counter changed by the body
var $i; $n : Integer
var $r; $sum : Real
For ($i; 1; 5)
	$n:=$n+1
End for
ALERT(String($n)+" "+String($i))
$n:=0
For ($i; 5; 1; -1)
	$n:=$n*10+$i
End for
ALERT(String($n)+" "+String($i))
$n:=0
For ($i; 1; 2.6)
	$n:=$n+1
End for
ALERT(String($n)+" "+String($i))
For ($i; 2.6; 3)
	$n:=$n+100
End for
ALERT(String($n)+" "+String($i))
For ($r; 0; 1; 0.5)
	$sum:=$sum+$r
End for
ALERT(String($sum)+" "+String($r))
$n:=0
For ($i; 5; 1)
	$n:=$n+1
End for
ALERT(String($n)+" "+String($i))
$n:=0
For ($i; 1; 10)
	$n:=$n+1
	$i:=$i+2
End for
ALERT(String($n)+" "+String($i))
