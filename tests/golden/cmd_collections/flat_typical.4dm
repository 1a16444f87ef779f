// flat typical (docs/commands-legacy or docs/commands: CollectionClass.md .flat(): depth 1 by default)
ALERT(JSON Stringify([1;[2;[3;4]]].flat()))
ALERT(JSON Stringify([1;[2;[3;[4]]]].flat(2)))
