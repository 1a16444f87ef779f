// Array work: 20,000-row parallel arrays (Text, Longint, Real) filled in $a{$i} loops,
// a multi-array SORT ARRAY, 400 Find in array, 100 passes of $a{$i} reads, a Text sort.
C_LONGINT($n; $i; $k; $found; $sum; $pass)
C_REAL($total)
$n:=20000
ARRAY TEXT($names; $n)
ARRAY LONGINT($keys; $n)
ARRAY REAL($scores; $n)
For ($i; 1; $n)
	$keys{$i}:=($i*7919)%20011
	$names{$i}:="name"+String($keys{$i})
	$scores{$i}:=($i%100)/4
End for
SORT ARRAY($keys; $names; $scores; >)
For ($i; 1; $n)
	$sum:=(($sum*31)+($keys{$i}*($i%7))+Length($names{$i}))%1000003
End for
For ($i; 1; 400)
	$k:=Find in array($names; "name"+String(($i*53)%20011))
	$found:=$found+$k
End for
For ($pass; 1; 100)
	For ($i; 1; $n)
		If ($scores{$i}>10)
			$total:=$total+$scores{$i}
		Else
			$total:=$total-1
		End if
	End for
End for
SORT ARRAY($names; $keys; <)
ALERT(String($sum)+" "+String($found)+" "+String($total)+" "+$names{1}+" "+$names{$n}+" "+String($keys{1}))
