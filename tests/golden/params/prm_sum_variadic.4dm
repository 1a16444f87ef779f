// helper: variadic #DECLARE (documented in 4D 21, versioned_docs/version-21/Concepts/parameters.md)
#DECLARE(... : Real) : Real
var $i : Integer
var $s : Real
For ($i; 1; Count parameters)
	$s:=$s+${$i}
End for
return $s
