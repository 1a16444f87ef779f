// Keywords and command names are case-insensitive (the docs write `if`, `end if` in lower case)
var $x : Integer:=3
if ($x>2)
	alert("big")
else
	ALERT("small")
end if
ALERT(string($x))
