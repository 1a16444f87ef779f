// Conditions are general expressions: two parenthesized tests joined by && (as in 4d/4D-NetKit URL.4dm)
var $a : Text:="x"
var $b : Text:="y"
If (Value type($a)=Is text) && (Value type($b)=Is text)
	ALERT("both texts")
End if
If ($a="x") & ($b="z")
	ALERT("never")
Else
	ALERT("not both")
End if
