Class extends Point

Class constructor($x : Real; $y : Real; $z : Real)
	Super($x; $y)
	This.z:=$z

Function toString() : Text
	return Super.toString()+"+"+String(This.z)
