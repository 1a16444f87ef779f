// deferred errors are raised when the method returns
Try
	eh_thrower
	ALERT("not reached")
Catch
	ALERT("caught "+String(Last errors.length))
	ALERT(Last errors[0].message+" "+Last errors[1].message)
End try
