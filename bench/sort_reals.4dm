// SORT ARRAY of 300,000 Reals from the Park-Miller generator (seed 42).
var $i : Integer
var $x : Real
ARRAY REAL($a; 300000)
$x:=42
For ($i; 1; 300000)
	$x:=Mod($x*16807; 2147483647)
	$a{$i}:=$x
End for
SORT ARRAY($a; >)
ALERT(String($a{1})+" "+String($a{150000})+" "+String($a{300000}))
