// Iterating over consecutive days across the end of February of a leap year
var $i : Integer
var $start : Date:=!2024-02-27!
For ($i; 0; 3)
	ALERT(String($start+$i))
End for
