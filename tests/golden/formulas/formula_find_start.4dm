// .find / .findIndex with a start index
$c:=[1; 2; 3; 2; 1]
ALERT(String($c.findIndex(2; Formula($1.value=2))))
ALERT(String($c.findIndex(-2; Formula($1.value<3))))
