// An element index out of range inside a compiled loop raises the tree-walker's error
// (error 4, at the statement that fails)
C_LONGINT($i)
ARRAY LONGINT($a; 3)
For ($i; 1; 10)
	$a{$i}:=$i*10
End for
ALERT("not reached")
