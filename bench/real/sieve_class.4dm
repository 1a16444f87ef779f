// Drag Race-style class sieve (the way sieve_KB is written): a collection of booleans in
// This.rawbits, 1,000,000 numbers, 2 passes through cs.DragSieve.
var $sieve : cs.DragSieve
var $total; $pass : Integer
$sieve:=cs.DragSieve.new()
For ($pass; 1; 2)
	$total:=$total+$sieve.runSieve(1000000)
End for
ALERT(String($total))
