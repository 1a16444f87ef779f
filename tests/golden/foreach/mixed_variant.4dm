// A Variant item accepts elements of different types
var $v : Variant
For each ($v; ["a"; 1; True; Null])
	ALERT(String(Value type($v)))
End for each
