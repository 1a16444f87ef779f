// Class functions reading and assigning This.x and an object parameter's properties: 10 calls
// of translate and dot, a compound *=, an Integer stored as a Real; a function whose If meets
// an undefined property (false, as the docs say for If) after its first statements ran, one
// reading an undefined property into a Real (0), and a While testing This.x.
var $a; $b : cs.FastPt
var $i : Integer
var $s : Real
$a:=cs.FastPt.new(1; 2)
$b:=cs.FastPt.new(3; 4)
For ($i; 1; 10)
	$a.translate(1; -1)
	$s:=$s+$a.dot($b)
End for
ALERT(String($a.x)+" "+String($a.y)+" "+String($s))
$b.scale(0.5)
ALERT(String($b.x)+" "+String($b.y))
$b.setN(7)
ALERT(String($b.n)+" "+String(Value type($b.n)=Is real))
ALERT(String($b.mix(3))+" "+String($b.x))
$b.on:=True
ALERT(String($b.mix(3))+" "+String($b.x))
ALERT(String($b.missing()))
$b.x:=4.5
ALERT(String($b.countTo())+" "+String($b.x))
