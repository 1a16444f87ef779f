// Unary minus applies to the operand that immediately follows it
var $x : Real:=3
ALERT(String(-2^2))
ALERT(String(-(2^2)))
ALERT(String(-$x*2))
ALERT(String(10+-$x))
ALERT(String(-(-$x)))
