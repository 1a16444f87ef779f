// localized string missing (docs/commands-legacy or docs/commands: localized-string.md: an unknown resname gives "" (OK=0))
ALERT("["+Localized string("no_such_name")+"]")
ALERT(String(OK))
