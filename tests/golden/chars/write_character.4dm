// $t[[i]]:=char replaces one character
var $t : Text:="Hello"
$t[[1]]:="J"
ALERT($t)
$t[[Length($t)]]:="y"
ALERT($t)
