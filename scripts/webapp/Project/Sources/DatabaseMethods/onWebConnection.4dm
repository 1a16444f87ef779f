#DECLARE($url : Text; $http : Text; $ipBrowser : Text; $ipServer : Text; $user : Text; $pw : Text)
// an unknown URL: the "not found" page; the URL is shown through 4DTEXT, which escapes it
// (writing $url into the HTML directly would be a reflected XSS)
var vNotFound : Text
vNotFound:=$url
WEB SET HTTP HEADER("X-STATUS: 404 Not Found")
WEB SEND FILE("/notfound.shtml")
