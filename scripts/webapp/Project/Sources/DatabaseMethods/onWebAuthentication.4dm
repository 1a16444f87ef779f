#DECLARE($url : Text; $http : Text; $ipBrowser : Text; $ipServer : Text; $user : Text; $pw : Text)->$ok : Boolean
// runs in the session's process before 4D code answers a request: adding to the cart
// needs a logged-in user (403 otherwise)
shop_declare
$ok:=True
If ($url="/4DACTION/add@") & (vUser="")
	$ok:=False
End if
