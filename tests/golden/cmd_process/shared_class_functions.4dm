// Shared classes: the instance is shared, its constructor and shared functions run inside an
// implicit Use (This); a non-shared function cannot modify it; OB Copy with ck shared gives a
// shared copy
var $c : cs.PrcSharedCounter
var $o : Object
$c:=cs.PrcSharedCounter.new(10)
ALERT(String(OB Is shared($c))+" "+String(OB Is shared($c.log)))
ALERT(String($c.add(5))+" "+String($c.peek())+" "+$c.log.join(","))
$o:=OB Copy(New object("a"; New object("b"; 1)); ck shared)
ALERT(String(OB Is shared($o))+" "+String(OB Is shared($o.a))+" "+String(OB Is shared(New collection(1).copy(ck shared))))
Try
	$c.count:=0
Catch
	ALERT("outside Use: error")
End try
