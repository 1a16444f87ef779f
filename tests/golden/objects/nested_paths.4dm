// Nested objects and chained access o.a.b, o["a"]["b"], o.a.list[1].c
var $o : Object:={}
$o.a:={}
$o.a.b:=1
$o.a.list:=[{c: "first"}; {c: "second"}]
ALERT(String($o.a.b)+" "+String($o["a"]["b"]))
ALERT($o.a.list[1].c)
$o.a.list[0].c:="changed"
ALERT(JSON Stringify($o))
