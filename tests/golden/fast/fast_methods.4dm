// Compiled methods (runtime::fast): recursion, arguments converted to the parameters' types (a Real to an Integer rounds), missing arguments, legacy C_XXX declarations
var $i; $sum : Integer
var $x : Real
ALERT(String(fst_fib(20)))
For ($i; 0; 10)
	$sum:=$sum+fst_fib($i)
End for
ALERT(String($sum))
ALERT(String(fst_scale(2.5; 3; True)))
ALERT(String(fst_scale(4)))
For ($i; 1; 3)
	$x:=$x+fst_legacy($i)
End for
ALERT(String($x))
ALERT(String(fst_div(7; 4)))
