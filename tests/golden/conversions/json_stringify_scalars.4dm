// JSON Stringify of scalars: texts get quotes
ALERT(JSON Stringify("x"))
ALERT(JSON Stringify(42))
ALERT(JSON Stringify(2.5))
ALERT(JSON Stringify(True))
ALERT(JSON Stringify(Null))
