// An undefined condition is treated as False by If, Case of and While
var $o : Object:={}
If ($o.missing)
	ALERT("if true")
Else
	ALERT("if false")
End if
Case of
	: ($o.missing)
		ALERT("case matched")
	Else
		ALERT("case else")
End case
While ($o.missing)
	ALERT("never")
End while
ALERT("done")
