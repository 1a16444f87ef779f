// a class of the design test project
Class constructor
	This.name:="p"

Function where() : Text
	return Current method path
