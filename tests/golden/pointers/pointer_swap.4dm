// Swapping two variables through pointers (ptr_swap)
var $a : Text:="left"
var $b : Text:="right"
ptr_swap(->$a; ->$b)
ALERT($a+" "+$b)
