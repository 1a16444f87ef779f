// .query() (CollectionClass doc): comparisons on object properties with :1 placeholders and
// inline values; the result holds the same objects (not copies)
var $c; $r : Collection
$c:=[{name: "Smith"; age: 30}; {name: "Jones"; age: 25}; {name: "smithers"; age: 40}]
$r:=$c.query("age > :1"; 26)
ALERT($r.extract("name").join(","))
$r:=$c.query("name = 'smith'")
ALERT($r.extract("name").join(","))
$r:=$c.query("age >= 25 and age < 40")
ALERT($r.extract("name").join(","))
$r[0].age:=99
ALERT(String($c[0].age))
