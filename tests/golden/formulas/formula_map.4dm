// .map with a formula
ALERT(JSON Stringify([1; 2; 3].map(Formula($1.value*$1.value))))
