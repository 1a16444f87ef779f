// helper: sets and prints its own local $x
var $x : Integer
ALERT("probe x="+String($x+99))
$x:=1000
