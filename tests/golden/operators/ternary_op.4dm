// The ternary operator uses the truthiness of its condition
var $x : Integer:=7
var $t : Text
ALERT(($x>5) ? "big" : "small")
ALERT(($x>10) ? "big" : "small")
ALERT($t ? "has text" : "no text")
ALERT(0 ? "zero is truthy" : "zero is falsy")
ALERT(($x%2=0) ? "even" : (($x>5) ? "odd and big" : "odd"))
