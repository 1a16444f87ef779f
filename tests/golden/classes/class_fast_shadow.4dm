// A call site that called a class function finds an own property of the same name on its third
// pass: the property (a formula) is called, not the function.
var $a; $b : cs.FastPt
var $i : Integer
$a:=cs.FastPt.new(1; 1)
$b:=cs.FastPt.new(2; 3)
For ($i; 1; 3)
	If ($i=3)
		$a.dot:=Formula(42)
	End if
	ALERT(String($a.dot($b)))
End for
