// Tokenized declarations and a hexadecimal size, as older exports write them
C_TEXT:C284($t)
C_LONGINT:C283($n)
ARRAY TEXT:C222($a; 0x0003)
ARRAY LONGINT:C221($l; 0x0000)
$n:=Size of array:C274($a)
$t:="size="
ALERT:C41($t+String:C10($n)+" "+String:C10(Size of array:C274($l)))
