// ob set null typical (docs/commands-legacy or docs/commands: ob-set-null.md)
$o:={a:1}
OB SET NULL($o;"a")
OB SET NULL($o;"b")
ALERT(JSON Stringify($o))
