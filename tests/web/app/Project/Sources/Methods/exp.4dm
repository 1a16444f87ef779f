//%attributes = {"publishedWeb":true}
#DECLARE($rest : Text)
var $d : Date
var $t : Time
WEB LEGACY GET SESSION EXPIRATION(Substring($rest; 2); $d; $t)
WEB SEND TEXT(String(Year of($d))+" "+String($t+0); "text/plain")
