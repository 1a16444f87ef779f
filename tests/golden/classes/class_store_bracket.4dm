// the class store is an object: cs[name]
$name:="Point"
$p:=cs[$name].new(5; 6)
ALERT($p.toString())
