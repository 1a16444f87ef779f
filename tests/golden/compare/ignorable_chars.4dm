// Ignorable characters are skipped by =; Length still counts them
var $t : Text:=Char(1)
ALERT(String($t=""))
ALERT(String(Length($t)))
ALERT(String(Length($t)=0))
