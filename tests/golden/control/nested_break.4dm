// break in an inner loop leaves only the inner loop
var $i; $j : Integer
var $s : Text
For ($i; 1; 3)
	For ($j; 1; 3)
		If ($j>$i)
			break
		End if
		$s:=$s+String($i)+String($j)+" "
	End for
End for
ALERT($s)
