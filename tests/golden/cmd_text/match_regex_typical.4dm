// match regex typical (docs/commands-legacy or docs/commands: match-regex.md example 1 and 4)
var $pos; $len : Integer
ALERT(String(Match regex(".*smith.*";"John smith jr")))
ALERT(String(Match regex("smith";"John smith jr")))
ALERT(String(Match regex("a.b";"---a-b---";1;$pos;$len))+" "+String($pos)+" "+String($len))
ALERT(String(Match regex("a.b";"---a-b---";1;$pos;$len;*)))
ALERT(String(Match regex("a.b";"---a-b---";4;$pos;$len;*)))
