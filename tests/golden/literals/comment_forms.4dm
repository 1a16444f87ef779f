// Line comments, trailing comments, inline and nested block comments are ignored
var $n : Integer  // a trailing comment
$n:=1 /* inline */ +2
/* a block
comment over
several lines */
/* outer /* inner */ still a comment */
	// an indented comment, as older 4D versions write them
ALERT(String($n))  // 3
