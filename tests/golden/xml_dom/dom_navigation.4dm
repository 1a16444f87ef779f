// DOM Get first/last child, next/previous sibling (OK 0 after the last one, as the While(OK=1)
// loop of dom-get-next-sibling-xml-element.md relies on), parent (the root's is "#document", the
// document node has none: null reference), root element, document ref
var $root; $ref; $name; $value; $doc : Text
$root:=DOM Parse XML variable("<r><a>1</a><b>2</b><c>3</c></r>")
$ref:=DOM Get first child XML element($root; $name; $value)
$list:=$name+"="+$value
While (OK=1)
	$ref:=DOM Get next sibling XML element($ref; $name; $value)
	If (OK=1)
		$list:=$list+" "+$name+"="+$value
	End if
End while
ALERT($list+" / last: "+$ref)
$ref:=DOM Get last child XML element($root; $name)
ALERT($name)
$ref:=DOM Get previous sibling XML element($ref; $name; $value)
ALERT($name+" "+$value)
$ref:=DOM Get previous sibling XML element($ref)
$ref:=DOM Get previous sibling XML element($ref)
ALERT("before first: OK="+String(OK))
$ref:=DOM Get first child XML element($root)
$ref:=DOM Get parent XML element($ref; $name)
ALERT($name+" "+String(Num($ref=$root)))
$doc:=DOM Get parent XML element($root; $name)
ALERT($name+" "+String(OK))
$ref:=DOM Get parent XML element($doc)
ALERT("OK="+String(OK)+" "+$ref)
ALERT(String(Num(DOM Get XML document ref($root)=$doc)))
$ref:=DOM Find XML element($root; "/r/c")
ALERT(String(Num(DOM Get root XML element($ref)=$root)))
$ref:=DOM Get first child XML element($ref)
ALERT("no child: OK="+String(OK))
DOM CLOSE XML($root)
