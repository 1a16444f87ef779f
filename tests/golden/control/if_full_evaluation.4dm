// If evaluates the whole condition: ctl_flag is called even when the left operand is False
If (False & ctl_flag)
	ALERT("never")
Else
	ALERT("else branch")
End if
If (False && ctl_flag)
	ALERT("never")
End if
ALERT("end")
