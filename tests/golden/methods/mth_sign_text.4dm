// helper: a bare return gives the default value of the declared result type
#DECLARE($n : Real) : Text
If ($n<0)
	return
End if
If ($n=0)
	return "zero"
End if
return "positive"
