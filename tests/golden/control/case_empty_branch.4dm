// An empty matching branch still ends the Case of; compound conditions are parenthesized
var $n : Integer:=2
Case of
	: (($n=2) | ($n=3))
	: ($n=2)
		ALERT("second branch")
	Else
		ALERT("else")
End case
ALERT("after")
