// Nested If blocks (there is no Else if)
var $n : Integer
For ($n; 1; 3)
	If ($n=1)
		ALERT("one")
	Else
		If ($n=2)
			ALERT("two")
		Else
			ALERT("many")
		End if
	End if
End for
