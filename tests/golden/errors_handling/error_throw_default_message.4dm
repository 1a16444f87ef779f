// throw(code) without description
Try
	throw(50042)
Catch
	ALERT(Last errors[0].message)
End try
