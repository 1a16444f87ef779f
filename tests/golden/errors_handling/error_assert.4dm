// ASSERT raises an error when the condition is False
ASSERT(1=1)
ALERT("ok")
Try
	ASSERT(1=2; "math is broken")
Catch
	ALERT(String(Last errors[0].errCode))
	ALERT(Last errors[0].message)
End try
