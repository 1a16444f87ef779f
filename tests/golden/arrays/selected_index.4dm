// The array name used as a value is its selected element number; assigning it selects an element
ARRAY TEXT($a; 3)
$a:=2
ALERT(String($a))
var $sel : Integer
$sel:=$a
ALERT(String($sel))
$a:=0
ALERT(String($a))
