// Writing past the end extends the collection and fills the gap with null
var $c : Collection:=["A"; "B"]
$c[5]:="Z"
ALERT(JSON Stringify($c))
ALERT(String($c.length))
ALERT(String($c[3]=Null))
