// Instances of one class with different property sets, read and written at the same
// sites; OB REMOVE then a read through the same site gives undefined; names are
// case-sensitive; an object literal and New object share the names code reads.
var $a; $b; $o : Object
var $all : Collection
$a:=cs.Point.new(1; 2)
$b:=cs.Point.new(3; 4)
$b.z:=9
$b.x:=30
$all:=New collection($a; $b; $a)
For each ($o; $all)
	ALERT(String($o.x)+" "+String($o.y)+" "+String(Undefined($o.z)))
End for each
OB REMOVE($b; "x")
For each ($o; $all)
	ALERT(String(Undefined($o.x))+" "+String($o.y))
End for each
$b.x:=7
ALERT($b.toString())
ALERT(JSON Stringify(OB Keys($b)))
$o:=New object("price"; 5; "Price"; 6)
ALERT(String($o.price)+" "+String($o.Price)+" "+String(Undefined($o.PRICE)))
$o:={price: 8; qty: 2}
$o.price:=$o.price*$o.qty
ALERT(String($o.price)+" "+String($o["price"]))
