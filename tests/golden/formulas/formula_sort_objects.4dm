// .sort on objects by a property
$c:=[{n: "b"; a: 30}; {n: "a"; a: 20}; {n: "c"; a: 25}]
$c.sort(Formula($1.value.a<$1.value2.a))
$t:=""
For each ($o; $c)
	$t:=$t+$o.n
End for each
ALERT($t)
