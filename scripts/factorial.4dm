// A recursive project method: fact.4dm beside this file is called by name.
var $n : Integer
For ($n; 0; 10)
	ALERT(String($n)+"! = "+String(fact($n)))
End for
