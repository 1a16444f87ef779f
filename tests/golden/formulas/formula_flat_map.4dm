// .flatMap flattens one level
$c:=[1; 2]
ALERT(JSON Stringify($c.flatMap(Formula([$1.value; $1.value*10]))))
