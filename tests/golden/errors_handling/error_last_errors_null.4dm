// Last errors is null after a Try without error
$x:=Try(1+1)
ALERT(String($x))
ALERT(String(Last errors=Null))
