// position options (docs/commands-legacy or docs/commands: position.md: options (strict, case insensitive, whole word))
var $l : Integer
ALERT(String(Position("B";"abc";1;$l;sk strict)))
ALERT(String(Position("B";"abc";1;$l;sk case insensitive)))
ALERT(String(Position("cat";"concat cat";1;$l;sk whole word+sk case insensitive+sk diacritic insensitive)))
ALERT(String(Position("é";"cafe café";1;$l;sk case insensitive)))
