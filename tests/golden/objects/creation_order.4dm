// Properties keep their creation order (JSON Stringify and For each)
var $o : Object:={}
$o.zeta:=1
$o.alpha:=2
$o.mid:=3
$o.zeta:=10
ALERT(JSON Stringify($o))
