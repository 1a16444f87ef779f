// Compound assignment on properties
var $o : Object:={n: 1; t: "a"}
$o.n+=2
$o.n*=10
$o.t+="b"
$o["t"]+="c"
ALERT(String($o.n)+" "+$o.t)
