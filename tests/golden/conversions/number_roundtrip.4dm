// Text and number roundtrips
var $t : Text:=String(1/3)
ALERT($t)
ALERT(String(Num($t)))
ALERT(String(Num(String(2.5))*2))
