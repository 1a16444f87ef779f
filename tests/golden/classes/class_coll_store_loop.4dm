// Loops of class functions storing elements of This.bits / This.other (compiled by the
// fast path): every $step-th element, growth past the end with nulls, numbers kept as
// Reals, a Real index truncated, the collection replaced between two runs of the same
// loop, two properties holding one collection.
var $b : cs.FillBits
var $t : Text
var $k : Integer
$b:=cs.FillBits.new(10)
$b.clear(0; 9; 3)
ALERT(JSON Stringify($b.bits))
$b.clear(12; 14; 2)
ALERT(JSON Stringify($b.bits))
$b.fill(3)
ALERT(JSON Stringify($b.other))
For ($k; 0; $b.other.length-1)
	$t:=$t+String(Value type($b.other[$k]))+" "
End for
ALERT($t)
$b.bits:=New collection(True; True; True)
$b.clear(1; 1; 1)
ALERT(JSON Stringify($b.bits))
$b.bits:=New collection(True; True; True; True)
$b.other:=$b.bits
$b.both(2)
ALERT(JSON Stringify($b.bits))
