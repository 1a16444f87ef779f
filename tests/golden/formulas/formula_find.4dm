// .find and .findIndex return the first match
$c:=[{n: "a"; v: 1}; {n: "b"; v: 2}; {n: "c"; v: 2}]
ALERT($c.find(Formula($1.value.v=2)).n)
ALERT(String($c.findIndex(Formula($1.value.v=2))))
ALERT(String($c.findIndex(Formula($1.value.v=9))))
ALERT(String(Undefined($c.find(Formula($1.value.v=9)))))
