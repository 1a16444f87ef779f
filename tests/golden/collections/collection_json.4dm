// JSON Stringify and JSON Parse of collections
var $c : Collection
$c:=JSON Parse("[1,\"two\",[3,4],{\"five\":5},null,true]")
ALERT(String($c.length))
ALERT(String($c[2][1])+" "+String($c[3].five))
ALERT(JSON Stringify($c))
