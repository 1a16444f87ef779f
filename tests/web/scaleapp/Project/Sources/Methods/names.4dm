//%attributes = {"publishedWeb":true}
// Every [Item] name, in order.
ALL RECORDS([Item])
ORDER BY([Item]; [Item]Name; >)
ARRAY TEXT($names; 0)
SELECTION TO ARRAY([Item]Name; $names)
var $t : Text
var $i : Integer
For ($i; 1; Size of array($names))
	$t:=$t+$names{$i}+";"
End for
WEB SEND TEXT(<>instance+" "+$t)
