// helper: factorial, recursive, #DECLARE with a named result
#DECLARE($n : Integer) -> $r : Real
If ($n<=1)
	$r:=1
Else
	$r:=$n*mth_fact($n-1)
End if
