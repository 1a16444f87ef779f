// begin is included, end is excluded
var $e : Text
var $s : Text
For each ($e; ["a"; "b"; "c"; "d"; "e"]; 2; 4)
	$s:=$s+$e
End for each
ALERT($s)
$s:=""
For each ($e; ["a"; "b"; "c"; "d"; "e"]; 3)
	$s:=$s+$e
End for each
ALERT($s)
