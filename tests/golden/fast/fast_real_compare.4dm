// A compiled loop compares reals with 4D's epsilon (1e-6) and integers exactly
var $i; $n : Integer
var $x : Real
var $p; $q; $s; $t; $u : Boolean
For ($i; 1; 1)
	$x:=0.1+0.2
	$p:=$x=0.3
	$q:=$x>0.3
	$s:=1.0000001=1
	$t:=$i<1.5
	$u:=($i=1) & ($x#0.3)
	If ($x<=0.3)
		$n:=$n+1
	End if
	If (0.30001>$x)
		$n:=$n+10
	End if
End for
ALERT(String($p)+" "+String($q)+" "+String($s)+" "+String($t)+" "+String($u))
ALERT(String($n))
