// with an empty handler, Error can be tested after the failing statement
ON ERR CALL("eh_silent")
throw(-43; "File not found")
If (Error=-43)
	ALERT("file not found")
End if
ON ERR CALL("")
