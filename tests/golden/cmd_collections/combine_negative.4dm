// combine negative (docs/commands-legacy or docs/commands: CollectionClass.md .combine(): a negative index counts from the end)
ALERT(JSON Stringify([1;2;3].combine(["x"];-1)))
