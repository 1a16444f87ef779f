// .indices() (CollectionClass doc): the indexes of the elements matching the query
var $c : Collection
$c:=[{n: 5}; {n: 1}; {n: 7}; {n: 1}]
ALERT($c.indices("n = :1"; 1).join(","))
ALERT(String($c.indices("n > 100").length))
ALERT($c.indices("n >= :lo and n <= :hi"; {parameters: {lo: 2; hi: 7}}).join(","))
