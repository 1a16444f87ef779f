// Uppercase the first character in place
var $t : Text:="word"
$t[[1]]:=Uppercase($t[[1]])
ALERT($t)
