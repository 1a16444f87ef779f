// blob size typical (docs/commands-legacy or docs/commands: blob-size.md / set-blob-size.md)
var $b : Blob
ALERT(String(BLOB size($b)))
SET BLOB SIZE($b;10)
ALERT(String(BLOB size($b))+" "+String(Length(BLOB to text($b;UTF8 C string))))
SET BLOB SIZE($b;3;255)
ALERT(String(BLOB size($b)))
