// Summing a REAL array; index expressions
ARRAY REAL($r; 4)
var $i : Integer
var $sum : Real
For ($i; 1; 4)
	$r{$i}:=$i/2
End for
For ($i; 1; Size of array($r))
	$sum:=$sum+$r{$i}
End for
ALERT(String($sum))
ALERT(String($r{Size of array($r)})+" "+String($r{1+1}))
