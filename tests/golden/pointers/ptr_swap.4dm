// helper: swaps the texts two pointers point to
#DECLARE($p1 : Pointer; $p2 : Pointer)
var $tmp : Text
$tmp:=$p1->
$p1->:=$p2->
$p2->:=$tmp
