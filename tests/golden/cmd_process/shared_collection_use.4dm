// New shared collection: push inside Use works, objects added become shared; outside Use fails
var $c : Collection
$c:=New shared collection(1; 2)
Use ($c)
	$c.push(New object("x"; 3))
End use
ALERT(String($c.length)+" "+String(OB Is shared($c[2])))
Try
	$c.push(4)
Catch
	ALERT("error outside Use")
End try
