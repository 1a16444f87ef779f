#DECLARE($k : Integer) -> $r : Real
// never assigns its result
$k:=$k+1
