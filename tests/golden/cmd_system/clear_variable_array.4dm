// clear variable array (docs/commands-legacy or docs/commands: clear-variable.md: an array keeps its type with 0 elements)
ARRAY TEXT($t;3)
CLEAR VARIABLE($t)
ALERT(String(Size of array($t))+" "+String(Type($t)))
$s:="x"
CLEAR VARIABLE($s)
ALERT("["+$s+"]")
