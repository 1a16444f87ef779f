// array to collection typical (docs/commands-legacy or docs/commands: array-to-collection.md example 1)
var $col : Collection
$col:=New collection("old";"old";"old";"old";"old")
ARRAY TEXT($a;2)
$a{1}:="Orange"
$a{2}:="Banana"
ARRAY TO COLLECTION($col;$a)
ALERT(JSON Stringify($col))
