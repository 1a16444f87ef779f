// The number of iterations is fixed when the loop starts
var $c : Collection:=["x"; "y"; "z"]
var $e : Text
var $count : Integer
For each ($e; $c)
	$c[$c.length]:=$e+"!"
	$count:=$count+1
End for each
ALERT("iterations="+String($count))
ALERT(JSON Stringify($c))
