//%attributes = {"publishedWeb":true}
#DECLARE($rest : Text)
// GET /4DACTION/add/ITEM: put an item in the cart
shop_declare
If (vUser#"") & (Length($rest)>1)
	vCart.push(Substring($rest; 2))
End if
WEB SEND HTTP REDIRECT("/4DACTION/cart")
