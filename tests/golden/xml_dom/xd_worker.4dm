// helper (run as a process): adds an element to the tree whose reference it receives
#DECLARE($root : Text)
var $ref : Text
ON ERR CALL("xd_report")
$ref:=DOM Create XML element($root; "fromProcess")
DOM SET XML ELEMENT VALUE($ref; Current process name)
