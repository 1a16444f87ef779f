// Element 0 always exists and does not count in the size
ARRAY LONGINT($a; 2)
$a{0}:=99
$a{1}:=1
ALERT(String($a{0})+" "+String($a{1})+" "+String($a{2}))
ALERT(String(Size of array($a)))
