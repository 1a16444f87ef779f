// A negative index in a compiled loop storing into This.bits: error 4 (out of range),
// after the stores before it were made (caught by Try, then raised uncaught at the
// function's line).
var $b : cs.FillBits
$b:=cs.FillBits.new(3)
Try($b.clear(2; -2; -1))
ALERT(JSON Stringify($b.bits)+" "+String(Last errors[0].errCode))
$b.clear(1; -1; -1)
ALERT("not reached")
