// extract typical (docs/commands-legacy or docs/commands: CollectionClass.md .extract(): property path values)
$c:=[{n:"a";o:{x:1}};{n:"b"};{o:{x:3}}]
ALERT(JSON Stringify($c.extract("n")))
ALERT(JSON Stringify($c.extract("o.x")))
