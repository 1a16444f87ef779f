// If / Else / End if
var $x : Integer:=12
If ($x>10)
	ALERT("greater")
Else
	ALERT("not greater")
End if
If ($x<10)
	ALERT("less")
Else
	ALERT("not less")
End if
If ($x=12)
	ALERT("twelve")
End if
