// Scalars are passed by value: the caller's variables do not change
var $t : Text:="orig"
var $n : Real:=1
var $d : Date:=!2024-01-01!
prm_modify_scalars($t; $n; $d)
ALERT("outside: "+$t+" "+String($n)+" "+String($d))
