// New collection with or without elements
var $c : Collection
$c:=New collection(1; "a"; True)
ALERT(JSON Stringify($c))
ALERT(String($c.length))
$c:=New collection
ALERT(JSON Stringify($c)+" "+String($c.length))
