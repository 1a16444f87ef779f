// helper: recursive sum 1..n
#DECLARE($n : Integer) -> $s : Real
If ($n=0)
	$s:=0
Else
	$s:=$n+mth_sum_to($n-1)
End if
