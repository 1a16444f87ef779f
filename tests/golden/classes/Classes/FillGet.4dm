// A class whose `bits` is a computed property (case class_coll_store_computed).
Class constructor
	This._b:=New collection(True; True; True)
	This.reads:=0

Function get bits() : Collection
	This.reads:=This.reads+1
	return This._b

Function clear($to : Integer)
	var $i : Integer
	For ($i; 0; $to)
		This.bits[$i]:=False
	End for
