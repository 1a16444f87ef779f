// While is tested before each iteration, Until after each iteration
var $n : Real
var $sum : Real
var $s : Text
For each ($n; [3; 4; 5; 6]) While ($sum<7)
	$sum:=$sum+$n
End for each
ALERT("while sum="+String($sum))
For each ($n; [1; 2; 3; 4]) Until ($n=2)
	$s:=$s+String($n)
End for each
ALERT("until "+$s)
