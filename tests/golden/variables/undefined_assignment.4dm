// Assigning undefined to a variable resets it to its type's default value
var $o : Object:={}
var $t : Text:="abc"
var $n : Real:=42
$t:=$o.missing
$n:=$o.missing
ALERT("["+$t+"]")
ALERT(String($n))
