// Repeat ... Until runs the body at least once and tests after it
var $i : Integer:=3
Repeat
	ALERT(String($i))
	$i:=$i-1
Until ($i=0)
Repeat
	ALERT("once")
Until (True)
