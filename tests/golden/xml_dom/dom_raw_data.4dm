// XML SET OPTIONS with XML String encoding = XML raw data (xml-set-options.md): a text that is
// an XML fragment becomes child nodes of the element; a text that is not becomes a CDATA node
var $root; $ref; $out : Text
$root:=DOM Create XML Ref("doc")
$ref:=DOM Create XML element($root; "p")
XML SET OPTIONS($root; XML String encoding; XML raw data)
DOM SET XML ELEMENT VALUE($ref; "<b>bold</b> text")
ALERT(String(DOM Count XML elements($ref; "b")))
$ref:=DOM Create XML element($root; "q")
DOM SET XML ELEMENT VALUE($ref; "1 < 2 & <broken")
XML SET OPTIONS($root; XML indentation; XML no indentation)
DOM EXPORT TO VAR($root; $out)
ALERT($out)
DOM CLOSE XML($root)
