// ARRAY POINTER elements; unset elements are nil
ARRAY POINTER($ptrs; 2)
var $x : Text:="pointed"
$ptrs{1}:=->$x
ALERT($ptrs{1}->)
ALERT(String(Is nil pointer($ptrs{2})))
