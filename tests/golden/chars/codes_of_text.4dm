// Character codes of each character
var $t : Text:="AZaz09"
var $s : Text
var $i : Integer
For ($i; 1; Length($t))
	$s:=$s+String(Character code($t[[$i]]))+" "
End for
ALERT($s)
