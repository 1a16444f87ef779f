// DOM EXPORT TO FILE then DOM Parse XML source (a path relative to the structure folder),
// DOM Get XML information (encoding, version, DOCTYPE name, PUBLIC and SYSTEM ids); a missing
// file: error and OK 0
var $root; $ref; $v; $path : Text
$path:="xd_tmp_"+Generate UUID+".xml"
$root:=DOM Create XML Ref("html")
$ref:=DOM Append XML child node(DOM Get XML document ref($root); XML DOCTYPE; "html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"xhtml1-strict.dtd\"")
$ref:=DOM Create XML element($root; "body/p")
DOM SET XML ELEMENT VALUE($ref; "café")
DOM EXPORT TO FILE($root; $path)
ALERT("export OK="+String(OK))
DOM CLOSE XML($root)
$root:=DOM Parse XML source($path)
ALERT("parse OK="+String(OK))
$ref:=DOM Find XML element($root; "/html/body/p")
DOM GET XML ELEMENT VALUE($ref; $v)
ALERT($v)
ALERT(DOM Get XML information($root; Encoding)+" "+DOM Get XML information($root; Version)+" "+DOM Get XML information($root; DOCTYPE Name))
ALERT(DOM Get XML information($root; PUBLIC ID)+" | "+DOM Get XML information($root; SYSTEM ID))
DOM CLOSE XML($root)
DELETE DOCUMENT($path)
ON ERR CALL("xd_report")
$root:=DOM Parse XML source("xd_no_such_file.xml")
ALERT("missing: OK="+String(OK))
ON ERR CALL("")
$root:=DOM Parse XML source("")
ALERT("dialog: OK="+String(OK))
