If (True)
Else
Else
End if
