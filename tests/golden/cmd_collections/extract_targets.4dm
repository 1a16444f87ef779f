// extract targets (docs/commands-legacy or docs/commands: CollectionClass.md .extract(): propertyPath/targetPath pairs)
$c:=[{n:"a";v:1};{n:"b"}]
ALERT(JSON Stringify($c.extract("n";"name";"v";"value")))
