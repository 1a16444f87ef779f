// no error: Catch is skipped
Try
	ALERT("in try")
Catch
	ALERT("not reached")
End try
ALERT("after")
