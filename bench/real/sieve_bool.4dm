// Drag Race-style sieve (the way sieve_JPR is written): ARRAY BOOLEAN marks the composites
// of 1..1,000,000, stepping from each seed; 3 passes; prints the sum of the counts.
C_LONGINT($max; $i; $last; $step; $limit; $count; $pass; $total)
C_BOOLEAN($flag)
$max:=1000000
For ($pass; 1; 3)
	ARRAY BOOLEAN($ar_OK; 0)
	$last:=2+2
	$step:=2
	$flag:=True
	$limit:=($max^0.5)+1
	$count:=0
	ARRAY BOOLEAN($ar_OK; $max)
	$ar_OK{1}:=False
	$ar_OK{2}:=False
	While ($flag)
		For ($i; $last; $max; $step)
			$ar_OK{$i}:=True
			$count:=$count+1
		End for
		$i:=$step+1
		While ($ar_OK{$i})
			$i:=$i+1
		End while
		$last:=$i*2
		$step:=$i
		$flag:=($i<$limit)
	End while
	$total:=$total+Count in array($ar_OK; False)+$count
End for
ALERT(String($total))
