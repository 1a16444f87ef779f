// ob get array convert (docs/commands-legacy or docs/commands: ob-get-array.md: elements converted to the array type; missing property empties)
$o:={nums:[1.6;2;3]}
ARRAY LONGINT($n;5)
OB GET ARRAY($o;"nums";$n)
ALERT(String(Size of array($n))+" "+String($n{1}))
OB GET ARRAY($o;"missing";$n)
ALERT(String(Size of array($n)))
