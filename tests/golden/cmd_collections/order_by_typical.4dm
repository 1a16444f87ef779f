// order by typical (docs/commands-legacy or docs/commands: CollectionClass.md .orderBy(): scalars and criteria text)
ALERT(JSON Stringify([3;1;2].orderBy()))
ALERT(JSON Stringify([3;1;2].orderBy(ck descending)))
$c:=[{n:"b";a:2};{n:"a";a:3};{n:"c";a:2}]
ALERT(JSON Stringify($c.orderBy("a desc, n asc").extract("n")))
