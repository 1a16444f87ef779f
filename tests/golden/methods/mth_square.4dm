// helper: named result
#DECLARE($x : Real) -> $result : Real
$result:=$x*$x
