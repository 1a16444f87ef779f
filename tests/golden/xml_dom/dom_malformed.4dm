// malformed XML (mismatched tags, two roots, unknown entity, empty text, unclosed element):
// DOM Parse XML variable raises an error and sets OK to 0; XML GET ERROR gives the parser's
// message with its line and column
var $ref; $msg : Text
var $line; $col : Integer
ON ERR CALL("xd_report")
$ref:=DOM Parse XML variable("<a>\n<b></c></a>")
ALERT("OK="+String(OK)+" ["+$ref+"]")
XML GET ERROR($ref; $msg; $line; $col)
ALERT("line "+String($line)+" "+String(Num(Length($msg)>0)))
$ref:=DOM Parse XML variable("<a/><b/>")
ALERT("OK="+String(OK))
$ref:=DOM Parse XML variable("<a>&nope;</a>")
ALERT("OK="+String(OK))
$ref:=DOM Parse XML variable("")
ALERT("OK="+String(OK))
$ref:=DOM Parse XML variable("<a><b>")
ALERT("OK="+String(OK))
var $blob : Blob
TEXT TO BLOB("not xml at all"; $blob; UTF8 text without length)
$ref:=DOM Parse XML variable($blob)
ALERT("OK="+String(OK))
ON ERR CALL("")
$ref:=DOM Parse XML variable("<ok/>")
XML GET ERROR($ref; $msg; $line)
ALERT("OK="+String(OK)+" ["+$msg+"] "+String($line))
DOM CLOSE XML($ref)
