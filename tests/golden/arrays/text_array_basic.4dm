// ARRAY TEXT creates a 1-based array; Size of array gives its size
ARRAY TEXT($names; 3)
$names{1}:="ann"
$names{2}:="bob"
$names{3}:="cid"
ALERT(String(Size of array($names)))
var $i : Integer
For ($i; 1; Size of array($names))
	ALERT(String($i)+":"+$names{$i})
End for
