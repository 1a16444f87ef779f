// Case of runs only the first branch whose condition is True
var $n : Integer:=5
Case of
	: ($n>10)
		ALERT("big")
	: ($n>3)
		ALERT("medium")
	: ($n>1)
		ALERT("small")
	Else
		ALERT("tiny")
End case
