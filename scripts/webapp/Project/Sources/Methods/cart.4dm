//%attributes = {"publishedWeb":true}
// GET /4DACTION/cart: the cart page (a page with 4D tags sent with WEB SEND FILE)
shop_declare
If (vUser="")
	WEB SEND HTTP REDIRECT("/")
Else
	WEB SEND FILE("/cart.shtml")
End if
