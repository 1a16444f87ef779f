// a formula may be an assignment
$o:={v: 1}
$f:=Formula($1.v:=$1.v+1)
$f.call(Null; $o)
$f.call(Null; $o)
ALERT(String($o.v))
