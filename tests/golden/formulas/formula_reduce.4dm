// .reduce with $1.accumulator and an initial value
$c:=[1; 2; 3; 4]
ALERT(String($c.reduce(Formula($1.accumulator+=$1.value); 0)))
ALERT(String($c.reduce(Formula($1.accumulator*=$1.value); 1)))
