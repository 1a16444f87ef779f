// a handler installed before Try is not called inside it
ON ERR CALL("eh_log")
Try
	throw(3; "x")
Catch
	ALERT("caught "+String(Error))
End try
ON ERR CALL("")
