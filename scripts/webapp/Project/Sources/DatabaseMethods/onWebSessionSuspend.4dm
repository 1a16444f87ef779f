// On Web Legacy Close Session: runs in the closing session's process (logout, idle
// timeout, eviction, server stop); its variables are still valid: save the cart.
shop_declare
If (vUser#"")
	<>savedCarts[vUser]:=vCart.copy()
	ALERT("saved the cart of "+vUser+" ("+String(vCart.length)+" items), session "+WEB Get current session ID)
End if
