// Base class of the inline-cache cases: who() is redefined by IcOver, inherited by IcSame.
Class constructor($n : Integer)
	This.n:=$n

Function who()->$r : Text
	$r:="base "+String(This.n)

Function inv($d : Integer)->$r : Integer
	$r:=This.n%$d
