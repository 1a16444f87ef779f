// An unclosed parenthesis is a syntax error on its line
ALERT("never runs")
var $x : Real
$x:=(1+2
ALERT(String($x))
