// helper: one declared parameter; extra arguments reachable through ${n}
#DECLARE($first : Text)
var $i : Integer
ALERT("count="+String(Count parameters)+" first="+$first)
For ($i; 2; Count parameters)
	ALERT("extra "+String($i)+"="+String(${$i}))
End for
