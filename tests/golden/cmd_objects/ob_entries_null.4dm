// ob entries null (docs/commands-legacy or docs/commands: ob-entries.md: a null object gives null)
var $o : Object
ALERT(String(OB Entries($o)=Null))
