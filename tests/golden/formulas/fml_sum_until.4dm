// helper: reduce callback that stops once the total reaches 5
#DECLARE($e : Object)
$e.accumulator:=$e.accumulator+$e.value
If ($e.accumulator>=5)
	$e.stop:=True
End if
