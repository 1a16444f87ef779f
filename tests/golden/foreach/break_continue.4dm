// break and continue in For each
var $n : Real
var $s : Text
For each ($n; [1; 2; 3; 4; 5; 6])
	If ($n=2)
		continue
	End if
	If ($n=5)
		break
	End if
	$s:=$s+String($n)
End for each
ALERT($s)
