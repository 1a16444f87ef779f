// The web benchmark's data: $1 [Item] records, one of them named "Bench".
var $i : Integer
START TRANSACTION
For ($i; 1; Num($1))
	CREATE RECORD([Item])
	[Item]Name:=Choose($i=Num($1)/2; "Bench"; "W"+String($i))
	SAVE RECORD([Item])
End for
VALIDATE TRANSACTION
UNLOAD RECORD([Item])
ALERT("filled "+String(Records in table([Item])))
