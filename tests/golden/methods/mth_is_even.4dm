// helper: mutual recursion with mth_is_odd
#DECLARE($n : Integer) -> $even : Boolean
If ($n=0)
	$even:=True
Else
	$even:=mth_is_odd($n-1)
End if
