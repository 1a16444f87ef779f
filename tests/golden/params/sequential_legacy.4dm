// Legacy $0/$1/$2 parameters
ALERT(prm_concat("left"; "right"))
var $r : Text
$r:=prm_concat("a"; prm_concat("b"; "c"))
ALERT($r)
