// equal diacritical (docs/commands-legacy or docs/commands: CollectionClass.md .equal(): ck diacritical)
ALERT(String(["a";"é"].equal(["A";"e"])))
ALERT(String(["a";"é"].equal(["A";"e"];ck diacritical)))
