// docs collection.sort(): with no parameter, numbers ascending, texts in 4D order
// (case-insensitive); mixed types are grouped by type (null, booleans, texts, numbers...).
var $c : Collection
$c:=New collection(3; 1; 2)
$c.sort()
ALERT(JSON Stringify($c))
$c:=New collection("b"; "C"; "a")
ALERT(JSON Stringify($c.sort()))
$c:=New collection(2; "x"; True; 1)
ALERT(JSON Stringify($c.sort()))
