// An unbalanced If closed by End while: exit 65 at the End while line
var $x : Integer:=1
If ($x=1)
	ALERT("never runs")
End while
