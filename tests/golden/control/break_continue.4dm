// break leaves the innermost loop, continue goes to the next iteration (For, While, Repeat)
var $i : Integer
var $s : Text
For ($i; 1; 10)
	If ($i%2=0)
		continue
	End if
	If ($i>7)
		break
	End if
	$s:=$s+String($i)
End for
ALERT($s)
$i:=0
While (True)
	$i:=$i+1
	If ($i=4)
		break
	End if
End while
ALERT("while stopped at "+String($i))
$i:=0
$s:=""
Repeat
	$i:=$i+1
	If ($i=2)
		continue
	End if
	$s:=$s+String($i)
Until ($i>=4)
ALERT($s)
