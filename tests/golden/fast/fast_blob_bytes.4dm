// Bytes of local BLOBs in compiled loops: read, written (low 8 bits of the number),
// indexes truncated, a BLOB shared with another variable copied on write.
C_BLOB($b; $copy; $ro; $ro2)
C_LONGINT($i; $sum; $n)
C_REAL($x)
SET BLOB SIZE($b; 10; 0)
For ($i; 0; 9)
	$b{$i}:=$i*30
End for
$sum:=0
For ($i; 0; 9)
	$sum:=$sum+$b{$i}
End for
ALERT(String($sum)+" "+String($b{9}))
// Reals and negative numbers keep their low 8 bits; a Real index is truncated
$x:=2.7
For ($i; 1; 1)
	$b{$x}:=300.7
	$b{3}:=-1
	$b{4}:=$b{$x}+$b{3}
End for
ALERT(String($b{2})+" "+String($b{3})+" "+String($b{4}))
// a copy shares the bytes until one is written: the other keeps its own
$copy:=$b
For ($i; 0; 9)
	$b{$i}:=7
End for
ALERT(String($b{0})+" "+String($copy{0})+" "+String($copy{9}))
// a BLOB only read while another variable shares it
SET BLOB SIZE($ro; 4; 5)
$ro2:=$ro
$n:=0
For ($i; 0; 3)
	$n:=$n+$ro{$i}
End for
ALERT(String($n)+" "+String(BLOB size($ro2)))
// past the end: error 4 with the index and the size, the loop's work so far kept
$n:=0
Try
	For ($i; 0; 20)
		$n:=$n+1
		$b{$i}:=1
	End for
Catch
	ALERT("caught "+String(Last errors[0].errCode)+": "+Last errors[0].message)
End try
ALERT(String($n)+" "+String($i)+" "+String($b{9}))
$b{-1}:=0
