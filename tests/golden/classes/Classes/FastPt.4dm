// A point whose functions read and assign This.x / This.y and a parameter's properties:
// run as compiled code (runtime::fast, "props"), the tree-walker taking over where a
// property holds no number.
Class constructor($x : Real; $y : Real)
	This.x:=$x
	This.y:=$y

Function translate($dx : Real; $dy : Real)
	This.x:=This.x+$dx
	This.y:=This.y+$dy

Function dot($p : cs.FastPt)->$r : Real
	$r:=(This.x*$p.x)+(This.y*$p.y)

Function scale($k : Real)
	This.x*=$k
	This.y:=This.y*$k

Function setN($n : Integer)
	This.n:=$n

Function mix($d : Real)->$r : Real
	$r:=$d*2
	This.x:=This.x+$r
	If (This.on)
		$r:=$r+100
	End if
	$r:=$r+1

Function countTo()->$n : Integer
	While (This.x>$n)
		$n:=$n+1
	End while

Function missing()->$r : Real
	$r:=This.nothing

Function modBy($k : Integer)->$r : Integer
	$r:=Int(This.x)%$k

Function twiceX()->$r : Real
	var $t : Real
	$t:=This.x
	$r:=$t*2
