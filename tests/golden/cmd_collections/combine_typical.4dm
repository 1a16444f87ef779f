// combine typical (docs/commands-legacy or docs/commands: CollectionClass.md .combine(): at the end or at an index)
$c:=[1;2]
$c.combine([8;9])
ALERT(JSON Stringify($c))
ALERT(JSON Stringify([1;2].combine([8;9];1)))
