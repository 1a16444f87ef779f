// base64 typical (docs/commands-legacy or docs/commands: base64-encode.md / base64-decode.md: texts as UTF-8)
var $t; $e : Text
$t:="Hello ü"
BASE64 ENCODE($t;$e)
ALERT($e)
BASE64 DECODE($e;$t)
ALERT($t)
$x:="abc"
BASE64 ENCODE($x)
ALERT($x)
