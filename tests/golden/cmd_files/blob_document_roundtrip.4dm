// blob document roundtrip (docs/commands-legacy or docs/commands: blob-to-document.md / document-to-blob.md)
$f:=Temporary folder+"fourd_blob_"+Generate UUID+".bin"
var $b; $b2 : Blob
TEXT TO BLOB("xyz";$b;UTF8 text without length)
BLOB TO DOCUMENT($f;$b)
DOCUMENT TO BLOB($f;$b2)
ALERT(String(BLOB size($b2))+" "+BLOB to text($b2;UTF8 text without length))
DELETE DOCUMENT($f)
