// Appending by writing at index .length
var $c : Collection:=[]
var $i : Integer
For ($i; 0; 4)
	$c[$c.length]:=$i*$i
End for
ALERT(JSON Stringify($c))
