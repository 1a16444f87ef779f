// text to document typical (docs/commands-legacy or docs/commands: text-to-document.md / document-to-text.md: UTF-8 without BOM, native line breaks)
$f:=Temporary folder+"fourd_ttd_"+Generate UUID+".txt"
TEXT TO DOCUMENT($f;"line1\rline2 é")
ALERT(String(Get document size($f)))
$t:=Document to text($f)
ALERT(String(Length($t))+" "+String(Character code($t[[6]])))
DELETE DOCUMENT($f)
