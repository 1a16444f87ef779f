// Char builds characters from codes
var $t : Text
var $i : Integer
For ($i; 0; 4)
	$t:=$t+Char(Character code("a")+$i)
End for
ALERT($t)
ALERT(Char(72)+Char(105)+Char(33))
