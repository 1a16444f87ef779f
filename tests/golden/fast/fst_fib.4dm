#DECLARE($n : Integer) -> $r : Integer
If ($n<2)
	$r:=$n
Else
	$r:=fst_fib($n-1)+fst_fib($n-2)
End if
