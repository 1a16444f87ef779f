#DECLARE($url : Text; $http : Text; $ipBrowser : Text; $ipServer : Text; $user : Text; $pw : Text)
WEB SET HTTP HEADER("X-STATUS: 404 Not Found")
WEB SEND TEXT("<h1>Not found</h1><p>"+$url+"</p><p><a href='/'>home</a></p>")
