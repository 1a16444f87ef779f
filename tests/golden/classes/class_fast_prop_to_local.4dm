// A property read into a local by a compiled class function ($t:=This.x), then used.
var $a : cs.FastPt
$a:=cs.FastPt.new(4.5; 1)
ALERT(String($a.twiceX()))
