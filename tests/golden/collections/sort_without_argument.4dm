// collection.sort() without argument sorts scalars in ascending order and returns the collection
// (docs/API/CollectionClass.md, .sort(): "If you call .sort() with no parameters, ... ascending")
var $c : Collection
$c:=["pear"; "apple"; "fig"]
ALERT($c.sort().join(","))
ALERT($c.join(","))
ALERT([3; 1; 2].sort().join(","))
