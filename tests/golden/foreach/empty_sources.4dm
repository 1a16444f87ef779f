// An empty collection or object gives no iteration
var $e : Variant
var $k : Text
For each ($e; [])
	ALERT("never")
End for each
For each ($k; {})
	ALERT("never")
End for each
ALERT("done")
