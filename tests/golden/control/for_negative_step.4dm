// For with a negative or larger increment
var $i : Integer
var $s : Text
For ($i; 5; 1; -1)
	$s:=$s+String($i)
End for
ALERT($s)
$s:=""
For ($i; 10; 1; -2)
	$s:=$s+String($i)+" "
End for
ALERT($s)
$s:=""
For ($i; 0; 9; 3)
	$s:=$s+String($i)+" "
End for
ALERT($s)
