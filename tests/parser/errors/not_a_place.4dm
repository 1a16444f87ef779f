$x+1:=3
var $a; $b : Integer:=2
