// ob set array numbers (docs/commands-legacy or docs/commands: ob-set-array.md: numbers stored as reals; replaces the property)
ARRAY LONGINT($n;2)
$n{1}:=5
$n{2}:=6
$o:={list:"old"}
OB SET ARRAY($o;"list";$n)
ALERT(JSON Stringify($o)+" "+String(Value type($o.list[0])))
