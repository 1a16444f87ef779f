// Assigning a collection copies the reference
var $a; $b : Collection
$a:=[1; 2]
$b:=$a
$b[0]:=100
$b[2]:=3
ALERT(JSON Stringify($a))
