//%attributes = {"publishedWeb":true}
#DECLARE($rest : Text)
var vCount : Integer
var vName : Text
var <>closeLog : Text
// close another session (synchronous: its close method has run when this returns)
WEB LEGACY CLOSE SESSION(Substring($rest; 2))
WEB SEND TEXT(<>closeLog; "text/plain")
