// += and -= on a Date variable add and subtract days
var $d : Date:=!2024-02-25!
$d+=5
ALERT(String($d))
$d-=31
ALERT(String($d))
