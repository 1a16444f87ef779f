// position star (docs/commands-legacy or docs/commands: position.md: * compares character codes; lengthFound)
var $l : Integer
ALERT(String(Position("A";"bab";*)))
ALERT(String(Position("a";"bab";*)))
ALERT(String(Position("ae";"Æsop";1;$l))+" "+String($l))
