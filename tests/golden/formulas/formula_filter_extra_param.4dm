// extra parameters reach the callback as $2...
$c:=[5; 12; 8; 130; 44]
ALERT(JSON Stringify($c.filter("fml_is_big"; 40)))
ALERT(JSON Stringify($c.filter(Formula($1.value<$2); 10)))
