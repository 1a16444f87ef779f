// count values typical (docs/commands-legacy or docs/commands: CollectionClass.md .countValues())
ALERT(String([1;2;1;3;1].countValues(1)))
ALERT(String(["a";"A";"b"].countValues("a")))
