// helper: modifies the object it receives, then rebinds its own parameter
#DECLARE($o : Object)
$o.x:=2
$o.added:="yes"
$o:={x: 99}
