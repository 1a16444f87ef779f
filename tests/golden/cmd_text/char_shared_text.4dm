// Char of an ASCII code gives a text of its own: appending to one result changes no other
var $c; $d : Text
$c:=Char(65)
$c:=$c+"B"
$c+="C"
$d:=Char(65)
ALERT($c+" "+$d+" "+Char(97)+String(Length(Char(0)))+Char(233))
