// .every and .some
$c:=[2; 4; 6]
ALERT(String($c.every(Formula($1.value%2=0))))
ALERT(String($c.some(Formula($1.value>5))))
ALERT(String($c.some(Formula($1.value>50))))
ALERT(String([].every(Formula(False))))
