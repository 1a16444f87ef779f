//%attributes = {"publishedWeb":true}
// POST /4DACTION/login (user=NAME): remember the user in the session, restore the saved cart
shop_declare
ARRAY TEXT($names; 0)
ARRAY TEXT($values; 0)
WEB GET VARIABLES($names; $values)
var $i : Integer
$i:=Find in array($names; "user")
If ($i>0)
	vUser:=$values{$i}
	If (<>savedCarts[vUser]#Null)
		vCart:=<>savedCarts[vUser].copy()
		OB REMOVE(<>savedCarts; vUser)
	End if
End if
WEB SEND HTTP REDIRECT("/cart.shtml")
