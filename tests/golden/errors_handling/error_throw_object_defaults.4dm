// throw(object) without errCode: -1
Try
	throw({message: "no code"})
Catch
	ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
End try
