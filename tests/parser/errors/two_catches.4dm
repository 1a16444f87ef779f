Try
	$x:=1
Catch
Catch
End try
