Class extends Dog

property age : Integer:=0

Class constructor($name : Text)
	Super($name; "mixed")

Function speak() : Text
	return Super.speak()+" (tiny)"

Function whoami() : Text
	return Current method name
