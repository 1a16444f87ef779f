// get 4d folder typical (docs/commands-legacy or docs/commands: get-4d-folder.md: Database folder ends with a separator)
$f:=Get 4D folder(Database folder)
ALERT(String($f[[Length($f)]]="/"))
ALERT(String(Test path name($f)))
