// temporary folder sep (docs/commands-legacy or docs/commands: temporary-folder.md: a path ending with a separator)
$t:=Temporary folder
ALERT(String(Test path name($t)))
ALERT(String($t[[Length($t)]]="/"))
