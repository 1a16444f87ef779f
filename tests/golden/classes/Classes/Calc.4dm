property factor : Integer:=3

Function applyTo($c : Collection) : Collection
	var $f : Integer
	$f:=This.factor
	return $c.map(Formula($1.value*$f))

Function scale($v : Real) : Real
	return $v*This.factor
