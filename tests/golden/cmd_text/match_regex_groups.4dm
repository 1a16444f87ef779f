// match regex groups (docs/commands-legacy or docs/commands: match-regex.md example 2 and 3: loop and capture groups in arrays)
ARRAY LONGINT($pa;0)
ARRAY LONGINT($la;0)
$t:="my stuff here"
If(Match regex("(.*)stuff(.*)";$t;1;$pa;$la))
ALERT("["+Substring($t;$pa{1};$la{1})+"]["+Substring($t;$pa{2};$la{2})+"] "+String($pa{0})+" "+String($la{0}))
End if
$s:="<a><b>x</b>"
$start:=1
var $p; $l : Integer
Repeat
$found:=Match regex("<[^>]*>";$s;$start;$p;$l)
If($found)
ALERT(Substring($s;$p;$l))
$start:=$p+$l
End if
Until(Not($found))
