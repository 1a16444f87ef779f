// Assigning an object copies the reference, not the object
var $a; $b : Object
$a:={x: 1}
$b:=$a
$b.x:=2
$b.y:="new"
ALERT(JSON Stringify($a))
$b:={x: 3}
ALERT(JSON Stringify($a))
