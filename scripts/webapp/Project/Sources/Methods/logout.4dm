//%attributes = {"publishedWeb":true}
// GET /4DACTION/logout: closes the session; On Web Legacy Close Session saves the cart
WEB LEGACY CLOSE SESSION(WEB Get current session ID)
WEB SEND HTTP REDIRECT("/")
