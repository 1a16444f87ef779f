// Runs of numeric assignments calling Mod (grouped for the fast path) give the Mod command's results; a Mod by zero stops at its own line
var $x : Real
var $k; $n : Integer
var $t : Text
$x:=42
$x:=Mod($x*16807; 2147483647)
$k:=Mod($x; 52)
$t:="k="+String($k)
$n:=Mod(-7; 2)
$x:=Mod(7.5; 2)
ALERT(String($x)+" "+String($k)+" "+$t+" "+String($n)+" "+String(1/Mod(-4; 2)))
$n:=Mod($n; 0.4)
ALERT("never")
