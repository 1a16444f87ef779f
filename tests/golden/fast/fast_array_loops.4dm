// Loops over local arrays run compiled (elements of Boolean, Longint and Real arrays
// read and assigned, a step computed when the loop starts, Not): the sieve of the
// Drag Race and conversions on store as the tree-walker does them
C_LONGINT($max; $i; $step; $count; $n)
C_REAL($r)
ARRAY BOOLEAN($composite; 100)
ARRAY LONGINT($ints; 5)
ARRAY REAL($reals; 5)
$max:=100
For ($step; 2; 10)
	For ($i; $step*2; $max; $step)
		$composite{$i}:=True
	End for
End for
For ($i; 2; $max)
	If (Not($composite{$i}))
		$count:=$count+1
	End if
End for
ALERT(String($count))
$r:=2.5
For ($i; 1; 5)
	$ints{$i}:=$i*$r
	$reals{$i}:=$ints{$i}/4
End for
ALERT(String($ints{1})+" "+String($ints{2})+" "+String($ints{5})+" "+String($reals{1})+" "+String($reals{5}))
$n:=0
For ($i; 5; 1; -$step/4)
	$n:=$n+$ints{$i}
End for
ALERT(String($n)+" "+String($i))
