//%attributes = {"publishedWeb":true}
// GET /4DACTION/cart: the cart page
shop_declare
If (vUser="")
	WEB SEND HTTP REDIRECT("/")
Else
	var $html : Text
	$html:="<!doctype html><html><body><h1>Hello "+vUser+"</h1>"
	$html:=$html+"<p>Session "+WEB Get current session ID+"</p>"
	$html:=$html+"<p>Cart ("+String(vCart.length)+"): "+vCart.join(", ")+"</p>"
	$html:=$html+"<p><a href='/4DACTION/add/apple'>add an apple</a> · <a href='/4DACTION/add/pear'>add a pear</a></p>"
	$html:=$html+"<p><a href='/4DACTION/logout'>log out (the cart is kept for your next visit)</a></p></body></html>"
	WEB SEND TEXT($html)
End if
