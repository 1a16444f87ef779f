// Building a 200,000-piece Text with $s:=$s+String($i%10).
var $i : Integer
var $s : Text
For ($i; 1; 200000)
	$s:=$s+String($i%10)
End for
ALERT(String(Length($s)))
