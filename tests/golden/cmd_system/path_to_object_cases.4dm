// docs/commands/path-to-object.md and object-to-path.md (POSIX syntax; fourd's system
// syntax is POSIX too): parentFolder ends with a separator, the extension starts with ".",
// a final separator makes a folder, ".something" is a name.
var $o : Object
$o:=Path to object("/first/second.bundle/"; Path is POSIX)
ALERT($o.parentFolder+"|"+$o.name+"|"+$o.extension+"|"+String($o.isFolder))
$o:=Path to object("/folder/.invisible"; Path is POSIX)
ALERT($o.parentFolder+"|"+$o.name+"|"+$o.extension+"|"+String($o.isFolder))
$o:=Path to object("/4D/resources/images/4D.jpg")
ALERT($o.parentFolder+"|"+$o.name+"|"+$o.extension+"|"+String($o.isFolder))
$o.name:="4DOld"
ALERT(Object to path($o))
$o:=Path to object("fileZ")
ALERT("["+$o.parentFolder+"]|"+$o.name+"|["+$o.extension+"]")
$o:=Path to object("/a/b/c/")
var $depth : Integer
Repeat
	$o:=Path to object($o.parentFolder)
	$depth:=$depth+1
Until ($o.parentFolder="")
ALERT(String($depth))
