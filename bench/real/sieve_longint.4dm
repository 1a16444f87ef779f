// Drag Race-style sieve (the way sieve_KC is written): ARRAY LONGINT of the numbers,
// ARRAY BOOLEAN of the composites, Trunc and Not; 1,000,000 numbers, 3 passes.
C_LONGINT($size; $i; $pos; $nSize; $count; $passes; $pass; $total)
$size:=1000000
For ($pass; 1; 3)
	ARRAY LONGINT($a; 0)
	ARRAY BOOLEAN($b; 0)
	ARRAY LONGINT($a; $size)
	ARRAY BOOLEAN($b; $size)
	For ($i; 1; $size)
		$a{$i}:=$i
	End for
	$passes:=0
	$pos:=3
	$nSize:=Trunc($size/3; 0)
	While ($nSize>$pos)
		For ($i; $pos; $nSize; 2)
			$b{$a{$pos}*$i}:=True
		End for
		$pos:=$pos+2
		$nSize:=Trunc($size/$a{$pos}; 0)
		$passes:=$passes+1
	End while
	$count:=1
	For ($i; 3; $size; 2)
		If (Not($b{$i}))
			$count:=$count+1
		End if
	End for
	$total:=$total+$count+$passes
End for
ALERT(String($total))
