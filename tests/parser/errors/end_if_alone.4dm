$y:=1
End if
