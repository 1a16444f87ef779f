// DOM EXPORT TO VAR into a BLOB and DOM Parse XML variable of a BLOB (UTF-8, with a BOM);
// a relative path starting with the root's own name (4D's non-standard XPath of converted
// databases: DOM Find XML element($root; "preference/tool")); DOM Create XML element with a
// namespace prefix; text(), node() and attribute steps; an ISO-8859-1 export (characters outside
// it as character references) parsed back
var $root; $ref; $out; $v : Text
var $b : Blob
$root:=DOM Parse XML variable("<preference><tool name=\"x\">été</tool><tool name=\"y\"/></preference>")
DOM EXPORT TO VAR($root; $b)
DOM CLOSE XML($root)
$root:=DOM Parse XML variable($b)
$ref:=DOM Find XML element($root; "preference/tool")
DOM GET XML ELEMENT VALUE($ref; $v)
ALERT($v)
$ref:=DOM Find XML element($root; "tool[@name='y']")
DOM GET XML ATTRIBUTE BY NAME($ref; "name"; $v)
ALERT($v)
ARRAY TEXT($all; 0)
$ref:=DOM Find XML element($root; "tool[1]/text()"; $all)
DOM GET XML ELEMENT VALUE($ref; $v)
ALERT(String(Size of array($all))+" "+$v)
$ref:=DOM Find XML element($root; "tool[1]/node()"; $all)
ALERT(String(Size of array($all)))
DOM CLOSE XML($root)
var $bom : Blob
SET BLOB SIZE($bom; 3)
$bom{0}:=239
$bom{1}:=187
$bom{2}:=191
TEXT TO BLOB("<a>ok</a>"; $bom; UTF8 text without length; *)
$root:=DOM Parse XML variable($bom)
DOM GET XML ELEMENT VALUE($root; $v)
ALERT(String(OK)+" "+$v)
DOM CLOSE XML($root)
$root:=DOM Create XML Ref("svg:svg"; "http://www.w3.org/2000/svg")
$ref:=DOM Create XML element($root; "svg:g/svg:rect"; "width"; 10)
DOM SET XML ATTRIBUTE($root; "xmlns:xlink"; "http://www.w3.org/1999/xlink")
DOM EXPORT TO VAR($root; $out)
ALERT($out)
DOM CLOSE XML($root)
$root:=DOM Create XML Ref("t")
DOM SET XML ELEMENT VALUE($root; "café €")
DOM SET XML DECLARATION($root; "ISO-8859-1")
DOM EXPORT TO VAR($root; $b)
ALERT(String(BLOB size($b))+" "+String($b{67}))
DOM CLOSE XML($root)
$root:=DOM Parse XML variable($b)
DOM GET XML ELEMENT VALUE($root; $v)
ALERT($v+" "+DOM Get XML information($root; Encoding))
DOM CLOSE XML($root)
