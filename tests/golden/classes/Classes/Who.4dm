Class constructor()
	This.ctorName:=Current method name

Function name() : Text
	return Current method name
