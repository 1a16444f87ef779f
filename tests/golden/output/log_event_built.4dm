// LOG EVENT in a loop builds one line
var $i : Integer
For ($i; 1; 5)
	LOG EVENT(Into system standard outputs; String($i)+((($i<5)) ? "," : "\n"))
End for
