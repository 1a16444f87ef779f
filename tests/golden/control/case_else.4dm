// Case of: Else runs when no condition is True; without Else nothing runs
var $s : Text:="blue"
Case of
	: ($s="red")
		ALERT("stop")
	: ($s="green")
		ALERT("go")
	Else
		ALERT("unknown "+$s)
End case
Case of
	: ($s="red")
		ALERT("never")
End case
ALERT("done")
