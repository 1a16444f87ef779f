// helper: counts to $n, yielding between steps
#DECLARE($tag : Text; $n : Integer)
var $i : Integer
For ($i; 1; $n)
	ALERT($tag+String($i))
	DELAY PROCESS(Current process; 1)
End for
