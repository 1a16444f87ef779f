// order by criteria collection (docs/commands-legacy or docs/commands: CollectionClass.md .orderBy(): collection of criteria; original unchanged)
$c:=[{n:"b";a:2};{n:"a";a:3};{n:"c";a:1}]
$s:=$c.orderBy([{propertyPath:"a";descending:False}])
ALERT(JSON Stringify($s.extract("n"))+" "+$c[0].n)
