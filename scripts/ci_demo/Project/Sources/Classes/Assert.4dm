// A small assertion class: counts checks and failures, remembers the messages.
property checks : Integer
property failures : Collection

Class constructor
	This.checks:=0
	This.failures:=[]

Function equal($actual : Variant; $expected : Variant; $what : Text) : Boolean
	This.checks+=1
	If ($actual=$expected)
		return True
	End if
	This.failures.push($what+": expected "+String($expected)+", got "+String($actual))
	return False

Function isTrue($value : Boolean; $what : Text) : Boolean
	return This.equal($value; True; $what)
