// A compiled loop keeps the sign of a real zero: the literal -0 is a real, also next to an Integer; an integral result of \ is an Integer (no negative zero)
var $i : Integer
var $x; $y; $z; $w; $v : Real
For ($i; 1; 1)
	$x:=-0
	$y:=0*-1
	$z:=-$x
	$w:=$i*-0
	$v:=-0\0.5
End for
ALERT(String($x)+" "+String($y)+" "+String($z)+" "+String(1/$x)+" "+String(1/$w)+" "+String(1/$v))
