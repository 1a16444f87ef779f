// XML DECODE (xml-decode.md: numbers with "," or ".", Booleans 1/0/true/false, dates and times
// of a date-time, text when untyped); DOM Get XML element with its value; DOM Find XML element
// by ID; DOM Create XML element arrays (dom-create-xml-element-arrays.md example);
// DOM SET XML DECLARATION (encoding, standalone)
var $r : Real
var $bool : Boolean
var $d : Date
var $t : Time
XML DECODE("8,5"; $r)
ALERT(String($r*2))
XML DECODE("8.5"; $r)
ALERT(String($r*2))
XML DECODE("1"; $bool)
ALERT(String($bool))
XML DECODE("false"; $bool)
ALERT(String($bool))
XML DECODE("2009-10-25T01:03:20"; $d)
ALERT(String(Year of($d))+"-"+String(Month of($d))+"-"+String(Day of($d)))
XML DECODE("2009-10-25T01:03:20"; $t)
ALERT(String($t))
XML DECODE("plain"; $x)
ALERT($x)
var $root; $ref; $v; $out : Text
$root:=DOM Parse XML variable("<list><it id=\"a1\">one</it><it id=\"a2\">two</it><other/></list>")
$ref:=DOM Get XML element($root; "it"; 2; $v)
ALERT($v)
$ref:=DOM Find XML element by ID($root; "a1")
DOM GET XML ELEMENT VALUE($ref; $v)
ALERT($v)
$ref:=DOM Find XML element by ID($root; "zz")
ALERT("no id: OK="+String(OK))
ON ERR CALL("xd_report")
$ref:=DOM Get XML element($root; "it"; 3; $v)
ALERT("no third: OK="+String(OK))
ON ERR CALL("")
DOM CLOSE XML($root)
ARRAY TEXT(arrAttNames; 3)
ARRAY TEXT(arrAttValues; 3)
arrAttNames{1}:="Font"
arrAttValues{1}:="Verdana"
arrAttNames{2}:="Size"
arrAttValues{2}:="10"
arrAttNames{3}:="Style"
arrAttValues{3}:="Bold"
$root:=DOM Create XML Ref("RootElement")
$ref:=DOM Create XML element arrays($root; "/RootElement/Elem1/Elem2/Elem3"; arrAttNames; arrAttValues)
DOM SET XML DECLARATION($root; "ISO-8859-1"; True)
DOM EXPORT TO VAR($root; $out)
ALERT($out)
DOM CLOSE XML($root)
