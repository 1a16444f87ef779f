// A modulo by zero three calls deep in compiled code: error 3 at the failing line, with the call chain of the tree-walker
var $i; $n : Integer
For ($i; 3; 0; -1)
	$n:=$n+fst_div(10; $i)
	ALERT(String($n))
End for
