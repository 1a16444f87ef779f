// Modifying the counter inside the loop does affect the loop
var $i : Integer
For ($i; 1; 10)
	ALERT(String($i))
	$i:=$i+2
End for
