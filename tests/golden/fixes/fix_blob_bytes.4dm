// docs Concepts/dt_blob "Accessing a scalar blob's bytes": $blob{i} reads and writes byte i
// (0-based) of a BLOB; out of range is an error.
var $b : Blob
SET BLOB SIZE($b; 3)
$b{0}:=65
$b{1}:=66
$b{2}:=300
ALERT(String($b{0})+" "+String($b{1})+" "+String($b{2}))
ALERT(BLOB to text($b; UTF8 text without length; $offset; 2))
var $copy : Blob
$copy:=$b
$copy{0}:=67
ALERT(String($b{0})+" "+String($copy{0}))
Try
	$x:=$b{3}
Catch
	ALERT("out of range")
End try
