// find in array start (docs/commands-legacy or docs/commands: find-in-array.md: start parameter, -1 when not found, @ wildcard)
ARRAY TEXT($t;4)
$t{1}:="abc"
$t{2}:="xyz"
$t{3}:="abd"
$t{4}:="ABC"
ALERT(String(Find in array($t;"abc")))
ALERT(String(Find in array($t;"abc";2)))
ALERT(String(Find in array($t;"ab@";2)))
ALERT(String(Find in array($t;"none")))
