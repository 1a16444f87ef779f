// startup method: prints what the command line gave
var $param : Text
var $n : Real
$n:=Get database parameter(User param value; $param)
LOG EVENT(Into system standard outputs; "hello param=["+$param+"] headless="+String(Application info.headless)+" started="+String(Bool(Storage.started))+"\n")
LOG EVENT(Into system standard outputs; "oops on stderr\n"; Error message)
LOG EVENT(Into system standard outputs; "structure="+String(Structure file=("@"+Folder separator+"Project"+Folder separator+"app.4DProject"))+"\n")
