// A loop storing into This.bits[$i] where bits is a computed property: the getter runs
// at every store (no own property to find when the loop starts); and where This.bits is
// a shared collection: a store outside Use fails (error), inside Use it is made.
var $g : cs.FillGet
var $b : cs.FillBits
$g:=cs.FillGet.new()
$g.clear(1)
ALERT(JSON Stringify($g._b)+" reads: "+String($g.reads))
$b:=cs.FillBits.new(0)
$b.bits:=New shared collection(True; True; True)
Try($b.clear(0; 2; 1))
ALERT(JSON Stringify($b.bits)+" "+String(Last errors.length>0))
Use($b.bits)
	$b.clear(0; 2; 2)
End use
ALERT(JSON Stringify($b.bits))
