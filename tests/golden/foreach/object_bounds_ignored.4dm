// begin and end are ignored when iterating over an object
var $o : Object:={x: 1; y: 2; z: 3}
var $k : Text
var $s : Text
For each ($k; $o; 1; 2)
	$s:=$s+$k
End for each
ALERT($s)
