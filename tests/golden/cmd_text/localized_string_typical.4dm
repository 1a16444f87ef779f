// localized string typical (docs/commands-legacy or docs/commands: localized-string.md: XLIFF lookup in Resources)
ALERT(Localized string("greeting"))
ALERT(Get localized string("farewell"))
ALERT(String(OK))
