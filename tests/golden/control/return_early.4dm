// return ends the running method immediately
ALERT("a")
If (True)
	return
End if
ALERT("b")
