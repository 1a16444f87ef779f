// Recursion with texts and objects: a depth-15 tree of objects built and walked 3 times
// (rec_tree, rec_walk), and a 4,096-character text split by halves 10 times (rec_count).
var $tree : Object
var $sum : Real
var $i; $n : Integer
var $t : Text
For ($i; 1; 3)
	$tree:=rec_tree(15; "")
	$sum:=$sum+rec_walk($tree)
End for
For ($i; 1; 4096)
	$t:=$t+Char(97+($i%5))
End for
For ($i; 1; 10)
	$n:=$n+rec_count($t; "c")
End for
ALERT(String($sum)+" "+String($n))
