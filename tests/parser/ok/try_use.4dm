// Try/Catch, Try(expr), Use, throw.
Try
	$x:=1/0
	throw(123; "boom")
Catch
	$errors:=Last errors
End try 
$r:=Try(JSON Parse($text))
Try($o.f())
Use ($shared)
	$shared.count+=1
End use 
