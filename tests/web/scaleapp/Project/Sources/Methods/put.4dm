//%attributes = {"publishedWeb":true}
// Saves an [Item] named after the rest of the URL: /4DACTION/put/NAME.
CREATE RECORD([Item])
[Item]Name:=Substring($1; 2)
SAVE RECORD([Item])
WEB SEND TEXT(<>instance+" saved "+String([Item]ID))
UNLOAD RECORD([Item])
