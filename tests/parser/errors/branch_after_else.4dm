Case of
	: ($x=1)
	Else
	: ($x=2)
End case
