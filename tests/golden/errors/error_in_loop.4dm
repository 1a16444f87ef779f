// An error stops the loop and the method; output written before it is kept
var $i : Integer
var $x : Variant
For ($i; 1; 5)
	ALERT(String($i))
	If ($i=3)
		$x:=$i+"a"  // <-- error
	End if
End for
ALERT("after")
