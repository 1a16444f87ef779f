// Collections of collections and of objects
var $c : Collection:=[[1; 2]; [3; 4]; {name: "obj"}]
ALERT(String($c[1][0]))
ALERT($c[2].name)
$c[0][1]:=20
ALERT(JSON Stringify($c))
