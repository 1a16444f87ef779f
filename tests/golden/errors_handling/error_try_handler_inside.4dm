// a handler installed inside the Try block is called
Try
	eh_install
	ALERT("after install")
Catch
	ALERT("not reached")
End try
ON ERR CALL("")
