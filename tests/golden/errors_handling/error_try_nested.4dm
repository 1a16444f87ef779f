// nested Try: the innermost catches
Try
	Try
		throw(1; "inner")
	Catch
		ALERT("inner catch: "+Last errors[0].message)
		throw(2; "from catch")
	End try
	ALERT("not reached")
Catch
	ALERT("outer catch: "+Last errors[0].message)
End try
