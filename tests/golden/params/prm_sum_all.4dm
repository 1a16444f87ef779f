// helper: sums all its arguments through ${n}
C_REAL($0)
C_REAL(${1})
C_LONGINT($i)
$0:=0
For ($i; 1; Count parameters)
	$0:=$0+${$i}
End for
