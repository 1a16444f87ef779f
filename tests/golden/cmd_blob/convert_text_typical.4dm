// convert text typical (docs/commands-legacy or docs/commands: convert-from-text.md / convert-to-text.md)
var $b : Blob
CONVERT FROM TEXT("été";"UTF-8";$b)
ALERT(String(BLOB size($b)))
ALERT(Convert to text($b;"UTF-8"))
CONVERT FROM TEXT("été";"ISO-8859-1";$b)
ALERT(String(BLOB size($b))+" "+Convert to text($b;"ISO-8859-1"))
