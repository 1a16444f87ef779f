// Names with spaces, digits and non-ASCII letters.
$d:=Current date
$f:=Get 4D folder(Current resources folder)
$t:=Is integer 64 bits
$m:=Into 4D debug message
Progress SET MESSAGE($p; "x")
$x:=$ƒ+$été+<>日本
$y:=4D.File
$z:=$4thJan
$w:=Form.$.current
$u:=$a<<>limit
