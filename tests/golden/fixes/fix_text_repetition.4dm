// docs Concepts/dt_string "String operators": Repetition is String * Number ("ab"*3 =
// "ababab"), also as the compound *=; the table has no Number * String form.
ALERT("ab"*3)
ALERT("["+("ab"*0)+"]")
var $n : Integer
$n:=4
ALERT("-"*$n)
var $t : Text
$t:="Hello"
$t*=2
ALERT($t)
Try
	ALERT(3*"ab")
Catch
	ALERT("Number * Text: error")
End try
