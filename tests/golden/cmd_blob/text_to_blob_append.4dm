// text to blob append (docs/commands-legacy or docs/commands: text-to-blob.md: * appends; offset variable advances)
var $b : Blob
TEXT TO BLOB("ab";$b;UTF8 text with length)
TEXT TO BLOB("cd";$b;UTF8 text with length;*)
ALERT(String(BLOB size($b)))
var $off : Integer
$off:=0
$x:=BLOB to text($b;UTF8 text with length;$off)
$y:=BLOB to text($b;UTF8 text with length;$off)
ALERT($x+$y+" "+String($off))
