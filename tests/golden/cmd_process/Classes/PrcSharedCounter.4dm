// a shared class (developer.4d.com/docs/Concepts/classes: shared Class constructor, shared Function)
shared Class constructor($start : Integer)
	This.count:=$start
	This.log:=New shared collection

shared Function add($n : Integer) : Integer
	This.count:=This.count+$n
	This.log.push($n)
	return This.count

Function peek() : Integer
	return This.count
