// convert text utf16 (docs/commands-legacy or docs/commands: convert-from-text.md: UTF-16)
var $b : Blob
CONVERT FROM TEXT("ab";"UTF-16LE";$b)
ALERT(String(BLOB size($b)))
ALERT(Convert to text($b;"UTF-16LE"))
BASE64 ENCODE($b;$e)
ALERT($e)
