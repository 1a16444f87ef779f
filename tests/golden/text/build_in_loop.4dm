// Building a text in a loop with + and +=
var $s : Text
var $i : Integer
For ($i; 1; 5)
	$s:=$s+String($i)
End for
ALERT($s)
$s:=""
For ($i; 1; 3)
	$s+="<"+String($i*$i)+">"
End for
ALERT($s)
