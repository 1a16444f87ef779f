// document to text charset (docs/commands-legacy or docs/commands: document-to-text.md: ISO-8859-1 character set)
$f:=Temporary folder+"fourd_dtt_"+Generate UUID+".txt"
TEXT TO DOCUMENT($f;"été";"ISO-8859-1")
ALERT(String(Get document size($f)))
ALERT(Document to text($f;"ISO-8859-1"))
DELETE DOCUMENT($f)
