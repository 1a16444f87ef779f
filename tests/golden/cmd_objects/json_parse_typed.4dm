// json parse typed (docs/commands-legacy or docs/commands: json-parse.md: the type parameter converts the result)
ALERT(String(Value type(JSON Parse("42";Is text))))
ALERT(String(JSON Parse("\"2023-01-05\"";Is date);ISO date))
ALERT(String(JSON Parse("1";Is boolean)))
