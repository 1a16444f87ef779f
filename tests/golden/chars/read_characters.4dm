// $t[[i]] reads the i-th character (1-based)
var $t : Text:="Hello"
ALERT($t[[1]])
ALERT($t[[5]])
ALERT($t[[2]]+$t[[3]])
ALERT($t[[Length($t)]])
