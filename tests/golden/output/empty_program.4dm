// A method that prints nothing produces empty output
var $x : Integer
$x:=1
