// set blob size filler (docs/commands-legacy or docs/commands: set-blob-size.md: new bytes take the filler)
var $b : Blob
SET BLOB SIZE($b;2;65)
ALERT(BLOB to text($b;UTF8 text without length))
SET BLOB SIZE($b;0)
ALERT(String(BLOB size($b)))
