// fact(n): n! computed recursively (a project method used by factorial.4dm).
#DECLARE($n : Integer) -> $result : Real
If ($n<=1)
	$result:=1
Else
	$result:=$n*fact($n-1)
End if
