// Writing characters in a loop
var $t : Text:="a b c"
var $i : Integer
For ($i; 1; Length($t))
	If ($t[[$i]]=" ")
		$t[[$i]]:="_"
	End if
End for
ALERT($t)
