//%attributes = {"publishedWeb":true}
// Loads the [Item] named after the rest of the URL read-write and keeps it
// loaded: locked for every other process (Locked answers False here, its holder),
// until this session ends.
READ WRITE([Item])
QUERY([Item]; [Item]Name=Substring($1; 2))
LOAD RECORD([Item])
WEB SEND TEXT(<>instance+" "+String(Records in selection([Item]))+" "+String(Locked([Item])))
