// Scalar items are copies: changing the item leaves the collection unchanged
var $c : Collection:=[1; 2; 3]
var $n : Real
For each ($n; $c)
	$n:=$n*10
End for each
ALERT(JSON Stringify($c))
