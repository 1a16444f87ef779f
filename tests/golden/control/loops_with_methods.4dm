// Loop bounds and conditions may call project methods (ctl_limit returns 3)
var $i : Integer
For ($i; 1; ctl_limit)
	ALERT("i="+String($i))
End for
While ($i<(ctl_limit*2))
	$i:=$i+1
End while
ALERT("i="+String($i))
