#DECLARE($a : Integer; $b : Integer) -> $r : Integer
var $t : Integer
$t:=$a*2
$r:=$t%$b
