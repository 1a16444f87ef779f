// The counter may be a Real with a fractional increment
var $x : Real
For ($x; 0; 1; 0.25)
	ALERT(String($x))
End for
