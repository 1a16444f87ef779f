// .multiSort() without formula (CollectionClass doc): sorts ascending, like .sort(), and with
// colsToSort reorders the other collections the same way (ties ordered by them)
var $c; $d; $e : Collection
$c:=[3; 1; 2]
$c.multiSort()
ALERT($c.join(","))
$c:=[2; 1; 2; 1]
$d:=["b"; "z"; "a"; "y"]
$e:=[10; 20; 30; 40]
$c.multiSort([$d; $e])
ALERT($c.join(",")+" "+$d.join(",")+" "+$e.join(","))
