// Reversing a text character by character
var $t : Text:="stressed"
var $r : Text
var $i : Integer
For ($i; Length($t); 1; -1)
	$r:=$r+$t[[$i]]
End for
ALERT($r)
