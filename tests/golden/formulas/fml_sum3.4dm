// helper: returns the sum of its three parameters
#DECLARE($a : Real; $b : Real; $c : Real) : Real
return $a+$b+$c
