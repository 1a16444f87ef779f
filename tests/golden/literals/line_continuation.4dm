// A trailing backslash continues a statement on the next line
var $msg : Text
$msg:="first part "+\
"second part"
ALERT($msg)
$msg:=String(1+\
2+\
3)
ALERT($msg)
