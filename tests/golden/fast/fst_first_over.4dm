#DECLARE($limit : Integer) -> $r : Integer
var $i : Integer
For ($i; 1; 1000)
	If ($i*$i>$limit)
		return $i
	End if
End for
$r:=-1
