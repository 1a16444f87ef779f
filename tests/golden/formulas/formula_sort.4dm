// .sort(formula): True when $1.value < $1.value2
$c:=[3; 1; 2]
$c.sort(Formula($1.value>$1.value2))
ALERT(JSON Stringify($c))
