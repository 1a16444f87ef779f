//%attributes = {"publishedWeb":true}
var vCount : Integer
var vName : Text
var <>closeLog : Text
// a counter kept in a process variable: one process per session
vCount:=vCount+1
WEB SEND TEXT(String(vCount)+" "+WEB Get current session ID; "text/plain")
