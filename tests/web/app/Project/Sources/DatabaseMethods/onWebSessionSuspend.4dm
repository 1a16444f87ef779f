var vCount : Integer
var vName : Text
var <>closeLog : Text
// On Web Legacy Close Session: runs in the closing session's process
<>closeLog:=<>closeLog+WEB Get current session ID+":"+String(vCount)+":"+vName+";"
