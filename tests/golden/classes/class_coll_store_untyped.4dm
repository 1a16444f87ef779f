// Loops of class functions on an undeclared counter storing into This.bits: the counter
// is a Real (Value type 1) when the loop ends, one step past the end; a body assigning
// the counter too.
var $b : cs.FillBits
$b:=cs.FillBits.new(8)
ALERT($b.clear_untyped(6))
ALERT(JSON Stringify($b.bits))
$b:=cs.FillBits.new(8)
ALERT($b.clear_skip(7))
ALERT(JSON Stringify($b.bits))
