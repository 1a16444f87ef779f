// ob set array typical (docs/commands-legacy or docs/commands: ob-set-array.md: an array becomes a collection property)
ARRAY TEXT($t;2)
$t{1}:="a"
$t{2}:="b"
$o:={}
OB SET ARRAY($o;"list";$t)
ALERT(JSON Stringify($o))
