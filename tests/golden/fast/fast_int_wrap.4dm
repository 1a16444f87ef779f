// A compiled loop (runtime::fast) stores into Integers as the tree-walker does: sums are exact, then rounded half away from zero and wrapped to 32 bits
var $a; $b; $c; $d; $e; $f; $g; $h; $i : Integer
var $r : Real
$a:=2147483000
For ($i; 1; 1)
	$b:=$a+1000
	$c:=65536*65536
	$d:=-$a-2000
	$r:=$a+$a
	$e:=2.5
	$f:=-2.5
	$g:=7/2
	$h:=10000000000
End for
ALERT(String($b))
ALERT(String($c))
ALERT(String($d))
ALERT(String($r))
ALERT(String($e)+" "+String($f)+" "+String($g))
ALERT(String($h))
