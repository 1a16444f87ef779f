// .filter keeps the elements whose result is True
$c:=[5; 12; 8; 130; 44]
ALERT(JSON Stringify($c.filter(Formula($1.value>10))))
