#DECLARE($k : Integer; $f : Real; $on : Boolean) -> $r : Real
// a typed method with a missing argument: $on is False, $f 0
If ($on)
	$r:=$k*$f
Else
	$r:=$k+$f
End if
