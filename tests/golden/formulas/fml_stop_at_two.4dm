// helper: result = value; stops after the value 2
#DECLARE($e : Object)
$e.result:=$e.value
If ($e.value=2)
	$e.stop:=True
End if
