// Tokenized code inside control structures
var $i : Integer
var $s : Text
For ($i; 1; 3)
	If (Not:C34($i=2))
		$s:=$s+String:C10($i)
	End if
End for
ALERT:C41($s)
ARRAY TEXT:C222($a; 0)
APPEND TO ARRAY:C911($a; Char:C90(65))
ALERT:C41($a{1}+String:C10(Character code:C91("A")))
