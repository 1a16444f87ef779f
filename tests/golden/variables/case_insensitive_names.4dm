// Variable names are case-insensitive
var $Count : Integer
$count:=1
$COUNT:=$Count+1
ALERT(String($count))
vTotal:=10
VTOTAL:=vtotal+5
ALERT(String(vTotal))
