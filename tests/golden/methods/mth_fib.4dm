// helper: Fibonacci in legacy style ($0, $1, C_LONGINT)
C_LONGINT($0; $1)
If ($1<2)
	$0:=$1
Else
	$0:=mth_fib($1-1)+mth_fib($1-2)
End if
