// The empty text: default of a Text variable, Length 0, equal to ""
var $t : Text
ALERT(String(Length($t)))
ALERT(String($t=""))
$t:="x"
ALERT(String($t=""))
ALERT("["+$t+"]")
