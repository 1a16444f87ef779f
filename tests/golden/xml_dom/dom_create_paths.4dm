// DOM Create XML element (dom-create-xml-element.md, examples 1 and 2): missing path elements
// are created, Elem3[2] inserts a second Elem3, attributes from name/value pairs
var $vRootRef; $vElemRef; $out : Text
$vRootRef:=DOM Create XML Ref("RootElement")
$vElemRef:=DOM Create XML element($vRootRef; "/RootElement/Elem1/Elem2/Elem3[2]")
DOM EXPORT TO VAR($vRootRef; $out)
ALERT($out)
DOM CLOSE XML($vRootRef)
$vRootRef:=DOM Create XML Ref("RootElement")
$vxPath:="/RootElement/Elem1/Elem2/Elem3"
$vElemRef:=DOM Create XML element($vRootRef; $vxPath; "Font"; "Verdana"; "Size"; "10")
$vElemRef:=DOM Create XML element($vRootRef; $vxPath; "Font"; "Verdana"; "Size"; "8")
$vElemRef:=DOM Create XML element($vRootRef; "/RootElement/Elem1/Elem2/Elem3[2]"; "Font"; "Arial")
DOM EXPORT TO VAR($vRootRef; $out)
ALERT($out)
ON ERR CALL("xd_report")
$vElemRef:=DOM Create XML element($vRootRef; "1Elem")
ALERT("invalid name: OK="+String(OK))
$vElemRef:=DOM Create XML element($vRootRef; "/Other/Elem")
ALERT("other root: OK="+String(OK))
ON ERR CALL("")
DOM CLOSE XML($vRootRef)
