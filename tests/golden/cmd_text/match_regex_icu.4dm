// match regex icu (docs/commands-legacy or docs/commands: ICU syntax: look-ahead, back-reference, case flag, UTF-16 positions)
var $p; $l : Integer
ALERT(String(Match regex("(?=.*\\d)(?=.*[a-z]).{6,}";"abc123")))
ALERT(String(Match regex("(\\w)\\1";"hello")))
ALERT(String(Match regex("(?i)HELLO";"hello")))
ALERT(String(Match regex("b";"😀ab";1;$p;$l))+" "+String($p))
