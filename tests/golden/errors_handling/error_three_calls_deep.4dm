// an error raised three calls deep is caught by the caller's Try
Try
	eh_level1
	ALERT("not reached")
Catch
	ALERT("caught "+String(Last errors[0].errCode)+" "+Last errors[0].message)
End try
ALERT("done")
