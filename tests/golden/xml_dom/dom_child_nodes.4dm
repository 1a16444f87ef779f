// DOM Append XML child node (dom-append-xml-child-node.md, examples 1-6) and DOM GET XML CHILD
// NODES (dom-get-xml-child-nodes.md): types and values or references of the child nodes
var $root; $elementRef; $Reference; $temp; $out; $doc : Text
$root:=DOM Create XML Ref("parent")
$Reference:=DOM Create XML element($root; "myElement")
DOM SET XML ELEMENT VALUE($Reference; "Hello")
$temp:=DOM Create XML element($Reference; "br")
$temp:=DOM Append XML child node($Reference; XML DATA; "New")
$temp:=DOM Create XML element($Reference; "br")
$temp:=DOM Append XML child node($Reference; XML DATA; "York")
ARRAY LONGINT($typeArr; 0)
ARRAY TEXT($textArr; 0)
DOM GET XML CHILD NODES($Reference; $typeArr; $textArr)
$list:=""
For ($i; 1; Size of array($typeArr))
	If ($typeArr{$i}=XML ELEMENT)
		DOM GET XML ELEMENT NAME($textArr{$i}; $name)
		$list:=$list+String($typeArr{$i})+":<"+$name+"> "
	Else 
		$list:=$list+String($typeArr{$i})+":"+$textArr{$i}+" "
	End if 
End for
ALERT($list)
$temp:=DOM Append XML child node($root; XML CDATA; "12 < 18")
$temp:=DOM Append XML child node($root; XML comment; "Hello world")
$temp:=DOM Append XML child node($root; XML ELEMENT; "<child>simon</child><child>eva</child>")
$temp:=DOM Append XML child node($root; XML ELEMENT; "tbreak")
$doc:=DOM Get XML document ref($root)
$temp:=DOM Append XML child node($doc; XML processing instruction; "xml-stylesheet type=\"text/xsl\" href=\"style.xsl\"")
$temp:=DOM Append XML child node($doc; XML DOCTYPE; "parent SYSTEM \"Book.DTD\"")
$temp:=DOM Append XML child node($doc; XML comment; "top")
DOM EXPORT TO VAR($root; $out)
ALERT($out)
DOM GET XML CHILD NODES($doc; $typeArr; $textArr)
ALERT(String(Size of array($typeArr))+" "+String($typeArr{1})+" "+$textArr{1}+" / "+String($typeArr{2})+" "+$textArr{2})
ALERT(DOM Get XML information($root; DOCTYPE Name)+" "+DOM Get XML information($root; SYSTEM ID))
ON ERR CALL("xd_report")
$temp:=DOM Append XML child node($root; 99; "x")
ALERT("bad type: OK="+String(OK))
$temp:=DOM Append XML child node($root; XML ELEMENT; "<open>")
ALERT("bad fragment: OK="+String(OK))
ON ERR CALL("")
DOM CLOSE XML($root)
