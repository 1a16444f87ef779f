// equal typical (docs/commands-legacy or docs/commands: CollectionClass.md .equal(): deep comparison)
ALERT(String([1;2;{a:"x"}].equal([1;2;{a:"X"}])))
ALERT(String([1;2].equal([1;2;3])))
