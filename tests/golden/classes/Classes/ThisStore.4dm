// Stores into This from a class function (case class_this_store_in_place).
Class constructor
	This.n:=0
	This.t:="abc"

Function put($i : Integer)
	var $u : Variant
	This.n:=$i
	This.t:=$u
	This.added:=True
