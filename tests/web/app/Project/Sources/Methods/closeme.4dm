//%attributes = {"publishedWeb":true}
var vCount : Integer
var vName : Text
var <>closeLog : Text
// close the current session from its own request: deferred to the end of the request
WEB LEGACY CLOSE SESSION(WEB Get current session ID)
WEB SEND TEXT("bye "+String(vCount)+" "+vName; "text/plain")
