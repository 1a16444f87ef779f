// A collection stored in an object property
var $o : Object:={}
$o.list:=[]
$o.list[0]:="a"
$o.list[1]:="b"
ALERT(String($o.list.length))
ALERT(JSON Stringify($o))
