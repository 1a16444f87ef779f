// distinct typical (docs/commands-legacy or docs/commands: CollectionClass.md .distinct(): sorted, case-insensitive)
var $c : Collection
$c:=New collection
$c.push("a";"b";"c";"A";"B";"c";"b";"b")
$c.push(New object("size";1))
$c.push(New object("size";3))
$c.push(New object("size";1))
ALERT(JSON Stringify($c.distinct()))
ALERT(JSON Stringify($c.distinct(ck diacritical)))
ALERT(JSON Stringify($c.distinct("size")))
ALERT(JSON Stringify([3;Null;1;3].distinct()))
