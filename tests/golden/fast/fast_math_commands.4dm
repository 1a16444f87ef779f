// One-number math commands in compiled code give the commands' results (Abs, Int rounds down, Dec keeps the sign, Square root of a negative is not a number)
var $i : Integer
var $a; $b; $c; $d; $e : Real
For ($i; 1; 2)
	$a:=Abs(-2.5*$i)
	$b:=Int(-7.5/$i)
	$c:=Dec(-3.25*$i)
	$d:=Square root(16*$i*$i)
	$e:=Square root(-$i)
End for
ALERT(String($a)+" "+String($b)+" "+String($c)+" "+String($d)+" "+String($e=$e))
