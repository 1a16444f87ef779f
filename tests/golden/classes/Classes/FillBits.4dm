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

// An undeclared counter ($j): a Real at every step, as the tree-walker leaves it.
Function clear_untyped($to : Integer)->$r : Text
	For ($j; 0; $to; 2)
		This.bits[$j]:=False
	End for
	$r:=String($j)+" "+String(Value type($j))

// An undeclared counter the body assigns (the loop stays on the tree-walker).
Function clear_skip($to : Integer)->$r : Text
	For ($j; 0; $to; 2)
		This.bits[$j]:=False
		$j:=$j+1
	End for
	$r:=String($j)+" "+String(Value type($j))
