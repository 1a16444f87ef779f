// variable to blob typical (docs/commands-legacy or docs/commands: variable-to-blob.md / blob-to-variable.md: round trip, OK)
var $b : Blob
var $o; $o2 : Object
$o:={a:1;b:"x"}
VARIABLE TO BLOB($o;$b)
BLOB TO VARIABLE($b;$o2)
ALERT(JSON Stringify($o2)+" "+String(OK))
