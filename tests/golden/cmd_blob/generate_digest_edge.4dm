// generate digest edge (docs/commands-legacy or docs/commands: generate-digest.md: empty text, SHA512, blob input)
ALERT(Generate digest("";MD5 digest))
ALERT(Substring(Generate digest("abc";SHA512 digest);1;16))
var $b : Blob
TEXT TO BLOB("abc";$b;UTF8 text without length)
ALERT(Generate digest($b;MD5 digest))
