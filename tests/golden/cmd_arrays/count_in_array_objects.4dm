// count in array objects (docs/commands-legacy or docs/commands: count-in-array.md example 2: object references)
ARRAY OBJECT($objects;100)
$o1:={a:10;b:"xyz"}
$o2:={a:10;b:"xyz"}
$objects{20}:=$o1
$objects{21}:=$o1
$objects{22}:=$o1
ALERT(String(Count in array($objects;$o1)))
ALERT(String(Count in array($objects;$o2)))
