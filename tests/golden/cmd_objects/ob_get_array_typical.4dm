// ob get array typical (docs/commands-legacy or docs/commands: ob-get-array.md: a collection property into an array)
$o:={list:["x";"y";"z"]}
ARRAY TEXT($t;0)
OB GET ARRAY($o;"list";$t)
ALERT(String(Size of array($t))+" "+$t{3})
