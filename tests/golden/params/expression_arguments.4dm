// Arguments are evaluated in the caller, left to right, before the call
var $i : Integer:=2
ALERT(prm_concat(String($i*10); "x"*$i))
ALERT(String(prm_count(1+1; "a"+"b")))
