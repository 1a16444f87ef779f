// throw with no parameter in a handler re-throws to the caller
Try
	eh_rethrow_inner
Catch
	ALERT("caught "+Last errors[0].message)
End try
