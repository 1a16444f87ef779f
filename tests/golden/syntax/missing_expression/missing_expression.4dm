// An assignment without a right-hand side is a syntax error
var $x : Real
ALERT("never runs")
$x:=
ALERT("x")
