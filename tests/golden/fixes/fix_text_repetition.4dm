// Repetition (docs Concepts/dt_string "String operators": String * Number, "ab"*3 =
// "ababab"; also the compound *=). Number * String repeats too: real 4D code relies on it
// (`$padding:=(4-$n)*"="` in a base64 decoder), so fourd accepts both orders.
ALERT("ab"*3)
ALERT("["+("ab"*0)+"]")
var $n : Integer
$n:=4
ALERT("-"*$n)
var $t : Text
$t:="Hello"
$t*=2
ALERT($t)
ALERT((4-2)*"=")
