//%attributes = {"publishedWeb":true}
#DECLARE($rest : Text)
// POST /4DACTION/add (item=NAME, the cart page's form) or GET /4DACTION/add/ITEM: put an
// item in the cart (On Web Authentication refuses it without a user)
shop_declare
ARRAY TEXT($names; 0)
ARRAY TEXT($values; 0)
WEB GET VARIABLES($names; $values)
var $i : Integer
$i:=Find in array($names; "item")
If ($i>0)
	If ($values{$i}#"")
		vCart.push($values{$i})
	End if
Else
	If (Length($rest)>1)
		vCart.push(Substring($rest; 2))
	End if
End if
WEB SEND HTTP REDIRECT("/cart.shtml")
