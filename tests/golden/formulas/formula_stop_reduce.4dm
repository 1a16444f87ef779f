// .reduce stops early when the callback sets $1.stop
$c:=[1; 2; 3; 4; 5]
ALERT(String($c.reduce("fml_sum_until"; 0)))
