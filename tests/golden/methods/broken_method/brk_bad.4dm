// a broken helper: an If without End if
If (True)
	ALERT("x"
