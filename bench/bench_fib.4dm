#DECLARE($n : Integer) -> $r : Integer
If ($n<2)
	$r:=$n
Else
	$r:=bench_fib($n-1)+bench_fib($n-2)
End if
