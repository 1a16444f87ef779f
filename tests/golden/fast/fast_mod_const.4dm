// Compiled `%` by a constant keeps the sign of the dividend and reads reals as 32-bit integers (truncated, wrapped)
var $i; $a; $b; $c; $d; $e; $f; $g : Integer
For ($i; 1; 1)
	$a:=-17%5
	$b:=17%-5
	$c:=-2147483648%7
	$d:=$i%1
	$e:=(65536*65536)%7
	$f:=(46341*46341)%1000
	$g:=7.9%4
End for
ALERT(String($a)+" "+String($b)+" "+String($c)+" "+String($d)+" "+String($e)+" "+String($f)+" "+String($g))
