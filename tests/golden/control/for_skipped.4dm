// When start > end with a positive step (or start < end with a negative one) the body never runs
var $i : Integer
For ($i; 5; 1)
	ALERT("never 1")
End for
For ($i; 1; 5; -1)
	ALERT("never 2")
End for
ALERT("done")
