//%attributes = {"publishedWeb":true}
var vCount : Integer
var vName : Text
var <>closeLog : Text
WEB SEND TEXT(<>closeLog; "text/plain")
