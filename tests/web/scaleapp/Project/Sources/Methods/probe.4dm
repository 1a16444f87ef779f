//%attributes = {"publishedWeb":true}
// Tries to load the [Item] named after the rest of the URL read-write: is it
// locked, and by whom (LOCKED BY's process name)?
var $proc : Integer
var $user; $machine; $name : Text
READ WRITE([Item])
QUERY([Item]; [Item]Name=Substring($1; 2))
LOAD RECORD([Item])
LOCKED BY([Item]; $proc; $user; $machine; $name)
WEB SEND TEXT(<>instance+" "+String(Locked([Item]))+" "+String($proc>0)+" "+$name)
UNLOAD RECORD([Item])
