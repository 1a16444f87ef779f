Class constructor($x : Real; $y : Real)
	This.x:=$x
	This.y:=$y

Function plus($p : cs.Point) : cs.Point
	return cs.Point.new(This.x+$p.x; This.y+$p.y)

Function toString() : Text
	return "("+String(This.x)+","+String(This.y)+")"
