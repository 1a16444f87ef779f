// An error inside a class function called from a call site whose cache is filled (the
// fourth call takes a remainder by zero: error 3): reported in the function, at its line,
// called from the call site's line.
var $o : Object
var $i : Integer
var $s : Real
$o:=cs.IcBase.new(13)
For ($i; 3; -1; -1)
	$s:=$s+$o.inv($i)
	ALERT(String($s))
End for
