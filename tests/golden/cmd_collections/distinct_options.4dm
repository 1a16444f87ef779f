// distinct options (docs/commands-legacy or docs/commands: CollectionClass.md .distinct(): ck diacritical, ck count values, property path)
ALERT(JSON Stringify(["a";"A";"à"].distinct(ck diacritical)))
ALERT(JSON Stringify([{c:"x"};{c:"y"};{c:"x"}].distinct("c";ck count values)))
