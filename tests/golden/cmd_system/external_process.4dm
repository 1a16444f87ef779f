// LAUNCH EXTERNAL PROCESS: stdin from a Text, stdout into a Text or a Blob, stderr, OK, quoted arguments, a program that does not exist, _4D_OPTION_CURRENT_DIRECTORY (docs: launch-external-process)
var $in; $out; $err : Text
$in:="b\na\n"
LAUNCH EXTERNAL PROCESS("sort"; $in; $out; $err)
ALERT(String(OK)+" ["+Replace string($out; "\n"; ",")+"]")
var $blob : Blob
LAUNCH EXTERNAL PROCESS("echo 'a  b' \"c\""; $in; $blob)
ALERT(String(BLOB size($blob))+" ["+Replace string(BLOB to text($blob; UTF8 text without length); "\n"; ",")+"]")
LAUNCH EXTERNAL PROCESS("ls /fourd-no-such-folder"; $in; $out; $err)
ALERT(String(OK)+" "+String(Length($err)>0))
LAUNCH EXTERNAL PROCESS("fourd-no-such-program"; $in; $out)
ALERT(String(OK))
SET ENVIRONMENT VARIABLE("_4D_OPTION_CURRENT_DIRECTORY"; "/")
LAUNCH EXTERNAL PROCESS("pwd"; $in; $out)
ALERT("["+Replace string($out; "\n"; "")+"]")
