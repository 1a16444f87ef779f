// helper: type-only result with return
#DECLARE($a : Real; $b : Real) : Real
return $a+$b
