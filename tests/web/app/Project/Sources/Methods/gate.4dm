//%attributes = {"publishedWeb":true}
#DECLARE($rest : Text)
// waits (letting the other processes run) until the test's listener answers
var $r : Text
var $status : Integer
$status:=HTTP Get("http://127.0.0.1:"+Substring($rest; 2)+"/"; $r)
WEB SEND TEXT("gate "+$r; "text/plain")
