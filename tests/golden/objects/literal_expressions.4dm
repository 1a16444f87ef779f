// Values of an object literal are expressions evaluated when the literal is evaluated
var $x : Real:=2
var $o : Object:={a: 1+2; b: "x"*$x; c: $x>1; d: [$x; $x*$x]}
ALERT(JSON Stringify($o))
