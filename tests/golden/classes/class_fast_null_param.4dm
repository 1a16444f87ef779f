// A compiled class function reading a property of its object parameter, given Null: reading a
// property of a null value is an error (the docs' "Null and Undefined").
var $a : cs.FastPt
$a:=cs.FastPt.new(1; 1)
ALERT(String($a.dot($a)))
ALERT(String($a.dot(Null)))
ALERT("not reached")
