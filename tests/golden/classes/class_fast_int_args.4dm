// Integer arguments of compiled class functions declared Real: converted to Reals, in the
// constructor, in a call run compiled and in one the tree-walker finishes (mix meets an
// undefined This.on: false).
var $a : cs.FastPt
var $i; $k : Integer
$i:=7
$k:=3
$a:=cs.FastPt.new($i%4; $i)
ALERT(String($a.x)+" "+String($a.y)+" "+String(Value type($a.x)=Is real))
$a.translate($k; $k)
ALERT(String($a.x)+" "+String($a.y))
ALERT(String($a.mix($k))+" "+String($a.x))
