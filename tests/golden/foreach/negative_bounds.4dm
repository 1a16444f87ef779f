// Negative begin/end count from the end of the collection
var $e : Text
var $s : Text
var $c : Collection:=["a"; "b"; "c"; "d"; "e"]
For each ($e; $c; -2)
	$s:=$s+$e
End for each
ALERT($s)
$s:=""
For each ($e; $c; 0; -1)
	$s:=$s+$e
End for each
ALERT($s)
$s:=""
For each ($e; $c; -10; -3)
	$s:=$s+$e
End for each
ALERT($s)
