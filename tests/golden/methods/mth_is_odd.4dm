// helper: mutual recursion with mth_is_even
#DECLARE($n : Integer) -> $odd : Boolean
If ($n=0)
	$odd:=False
Else
	$odd:=mth_is_even($n-1)
End if
