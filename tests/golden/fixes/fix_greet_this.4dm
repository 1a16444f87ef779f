#DECLARE() : Text
If (This=Null)
	return "no this"
End if
return "this is "+This.name
