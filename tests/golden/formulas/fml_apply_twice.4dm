// helper: applies a formula twice
#DECLARE($f : 4D.Function; $v : Real) : Real
return $f.call(Null; $f.call(Null; $v))
