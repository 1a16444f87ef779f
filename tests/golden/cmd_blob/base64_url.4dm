// base64 url (docs/commands-legacy or docs/commands: base64-encode.md: * = base64url (no padding))
var $e; $d : Text
BASE64 ENCODE("??>";$e;*)
ALERT($e)
BASE64 ENCODE("??>";$e)
ALERT($e)
BASE64 DECODE("Pz8-";$d;*)
ALERT($d)
