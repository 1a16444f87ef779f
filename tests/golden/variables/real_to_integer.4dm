// Assigning a Real to an Integer variable
// [AMBIGUOUS in LANGUAGE.md §3.2] choice: round to the nearest integer, as 4D developers expect
// from C_LONGINT variables (values chosen away from .5 ties).
var $i : Integer
$i:=3.7
ALERT(String($i))
$i:=3.2
ALERT(String($i))
$i:=-2.8
ALERT(String($i))
$i:=10/4*2
ALERT(String($i))
