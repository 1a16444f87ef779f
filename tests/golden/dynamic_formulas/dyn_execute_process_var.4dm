// EXECUTE FORMULA with a text computed at run time assigns a process variable
var vDynResult : Integer
var $n : Integer
$n:=6
EXECUTE FORMULA("vDynResult:="+String($n)+"*7")
ALERT(String(vDynResult))
$code:="vDynResult:=vDynResult+"
EXECUTE FORMULA($code+"8")
ALERT(String(vDynResult))
// an empty text does nothing
EXECUTE FORMULA("")
ALERT(String(vDynResult))
