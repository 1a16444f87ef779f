// For (counter; start; end) counts up by 1; start = end runs once
var $i : Integer
For ($i; 1; 4)
	ALERT("i="+String($i))
End for
For ($i; 7; 7)
	ALERT("only "+String($i))
End for
