// The 2D point of the classes workload.
Class constructor($x : Real; $y : Real)
	This.x:=$x
	This.y:=$y

Function translate($dx : Real; $dy : Real)
	This.x:=This.x+$dx
	This.y:=This.y+$dy

Function dot($p : cs.Point)->$r : Real
	$r:=(This.x*$p.x)+(This.y*$p.y)

Function plus($p : cs.Point)->$r : cs.Point
	$r:=cs.Point.new(This.x+$p.x; This.y+$p.y)
