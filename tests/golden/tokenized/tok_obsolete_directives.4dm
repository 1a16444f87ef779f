// Tokenized code names the obsolete directives _O_C_INTEGER:C282 and _O_C_STRING:C293 (with its length argument): they declare like C_LONGINT and C_TEXT (docs: Compiler commands, obsolete)
_O_C_INTEGER:C282($count)
_O_C_STRING:C293(16; $code; $label)
ALERT(String:C10(Type:C295($count)=Is longint:K8:6)+" "+String:C10(Type:C295($label)=Is text:K8:3))
$count:=$count+2
$code:="ab"
ALERT(String:C10($count)+" "+$code+"["+$label+"]")
