// a setter without getter: reading gives undefined
$t:=cs.Temperature.new(0)
$t.secret:="x"
ALERT(String(Undefined($t.secret)))
ALERT($t._secret)
