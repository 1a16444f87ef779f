// The web benchmark's data: $1 [Item] records, one of them named "Bench".
var $i; $half : Integer
$half:=Num($1)/2
START TRANSACTION
For ($i; 1; Num($1))
	CREATE RECORD([Item])
	[Item]Name:=Choose($i=$half; "Bench"; "W"+String($i))
	SAVE RECORD([Item])
End for
VALIDATE TRANSACTION
UNLOAD RECORD([Item])
ALERT("filled "+String(Records in table([Item])))
