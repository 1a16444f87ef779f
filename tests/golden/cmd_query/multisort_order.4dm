// .multiSort() with {collection; order: ck descending} objects in colsToSort
var $c; $d : Collection
$c:=["x"; "x"; "a"]
$d:=[1; 2; 3]
$c.multiSort([{collection: $d; order: ck descending}])
ALERT($c.join(",")+" "+$d.join(","))
