// For each over an object gives its property names in creation order
var $o : Object:={b: 1; a: 2}
$o.c:=3
var $key : Text
For each ($key; $o)
	ALERT($key+"="+String($o[$key]))
End for each
