// Compiled While and Repeat loops with break, continue, nested loops and Case of; a return inside a loop ends the method
var $i; $j; $k; $n; $m : Integer
var $done : Boolean
While ($k<10)
	$k:=$k+1
	If ($k%2=0)
		continue
	End if
	If ($k>7)
		break
	End if
	$n:=$n+$k
End while
ALERT(String($n)+" "+String($k))
$k:=0
Repeat
	$k:=$k+1
	For ($j; 1; 3)
		Case of
			: ($j=2)
				continue
			: ($k=3)
				break
			Else
				$m:=$m+1
		End case
	End for
	$done:=($k>=4) || ($m>100)
Until ($done)
ALERT(String($m)+" "+String($k)+" "+String($j))
ALERT(String(fst_first_over(50)))
