// helper: raises a type error (Real + Text)
#DECLARE($n : Real) -> $r : Real
$r:=$n+"x"
