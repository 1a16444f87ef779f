// flat none (docs/commands-legacy or docs/commands: CollectionClass.md .flat(): nothing to flatten)
ALERT(JSON Stringify([].flat()))
ALERT(JSON Stringify([1;2].flat(0)))
