// Classes: 400,000 cs.Point.new() (200,000 through a method), then 1,000,000 method calls
// (translate, dot) reading and writing This.x and This.y.
var $acc; $p; $u : cs.Point
var $i : Integer
var $sum : Real
$acc:=cs.Point.new(0; 0)
For ($i; 1; 200000)
	$p:=cs.Point.new($i%10; $i%7)
	$acc:=$acc.plus($p)
End for
$u:=cs.Point.new(1; 2)
$p:=cs.Point.new(1; 1)
For ($i; 1; 500000)
	$p.translate(1; -1)
	$sum:=$sum+$p.dot($u)
End for
ALERT(String($acc.x)+" "+String($acc.y)+" "+String($sum))
