// JSON Parse gives an object whose values can be read and changed
var $o : Object
$o:=JSON Parse("{\"name\":\"Ann\",\"tags\":[\"a\",\"b\"],\"age\":30}")
ALERT($o.name+" "+$o.tags[1]+" "+String($o.age))
$o.age:=$o.age+1
$o.tags[2]:="c"
ALERT(JSON Stringify($o))
