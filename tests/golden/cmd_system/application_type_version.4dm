// application type version (docs/commands-legacy or docs/commands: application-type.md: 6 (tool4d-like); Application version is a 4-digit text)
ALERT(String(Application type))
ALERT(String(Length(Application version)))
