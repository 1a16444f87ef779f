// get 4d folder resources (docs/commands-legacy or docs/commands: get-4d-folder.md: Current resources folder is Resources of the database folder)
$r:=Get 4D folder(Current resources folder)
$d:=Get 4D folder(Database folder)
ALERT(String($r=($d+"Resources/")))
