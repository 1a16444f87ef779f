// Loops storing elements of collections of This (the fast path's `StColl`): the cases
// class_coll_store_*.
Class constructor($n : Integer)
	This.bits:=New collection().resize($n; True)
	This.other:=New collection()

// Clears every $step-th element from $from to $to (past the end: the collection grows).
Function clear($from : Integer; $to : Integer; $step : Integer)
	var $i : Integer
	For ($i; $from; $to; $step)
		This.bits[$i]:=False
	End for

// Numbers stored: an Integer (a collection keeps it as a Real), a Real, a Real index.
Function fill($n : Integer)
	var $i; $k : Integer
	var $r : Real
	For ($i; 0; $n-1)
		$k:=$i*3
		$r:=$i+0.75
		This.other[$i]:=$k
		This.other[$r+$n]:=$r
	End for

// Both collections in one loop (they may be the same collection).
Function both($n : Integer)
	var $i : Integer
	For ($i; 0; $n-1)
		This.bits[$i]:=False
		This.other[$i]:=True
	End for
