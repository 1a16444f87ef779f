#DECLARE($url : Text; $http : Text; $ipBrowser : Text; $ipServer : Text; $user : Text; $pw : Text)
If ($url="/boom@")
	var $o : Object
	$o.x.y:=1
End if
WEB SEND TEXT("conn "+$url+" "+$ipBrowser+" "+$user; "text/plain")
