// text to blob typical (docs/commands-legacy or docs/commands: text-to-blob.md / blob-to-text.md: UTF8 formats)
var $b : Blob
TEXT TO BLOB("héllo";$b;UTF8 text without length)
ALERT(String(BLOB size($b)))
ALERT(BLOB to text($b;UTF8 text without length))
TEXT TO BLOB("abc";$b;UTF8 C string)
ALERT(String(BLOB size($b))+" "+BLOB to text($b;UTF8 C string))
