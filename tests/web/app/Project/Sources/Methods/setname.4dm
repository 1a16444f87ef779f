//%attributes = {"publishedWeb":true}
#DECLARE($rest : Text)
var vCount : Integer
var vName : Text
var <>closeLog : Text
vName:=Substring($rest; 2)
WEB SEND TEXT("name "+vName; "text/plain")
