// after Catch, the method continues after End try
For ($i; 1; 3)
	Try
		If ($i=2)
			throw($i; "two")
		End if
		ALERT("ok "+String($i))
	Catch
		ALERT("failed "+String($i))
	End try
End for
