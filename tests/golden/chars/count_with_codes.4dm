// Counting characters: = is case-insensitive, Character code is exact
var $t : Text:="Hello World, hello"
var $i; $loose; $exact : Integer
For ($i; 1; Length($t))
	If ($t[[$i]]="h")
		$loose:=$loose+1
	End if
	If (Character code($t[[$i]])=Character code("h"))
		$exact:=$exact+1
	End if
End for
ALERT(String($loose)+" "+String($exact))
