// variable to blob arrays (docs/commands-legacy or docs/commands: variable-to-blob.md: arrays and appending several variables)
var $b : Blob
ARRAY TEXT($at;2)
$at{1}:="x"
$at{2}:="y"
$n:=42
VARIABLE TO BLOB($at;$b)
VARIABLE TO BLOB($n;$b;*)
ARRAY TEXT($at2;0)
var $off : Integer
BLOB TO VARIABLE($b;$at2;$off)
BLOB TO VARIABLE($b;$m;$off)
ALERT(String(Size of array($at2))+$at2{2}+" "+String($m))
var $empty : Blob
BLOB TO VARIABLE($empty;$m)
ALERT(String(OK))
