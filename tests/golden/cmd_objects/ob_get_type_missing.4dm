// ob get type missing (docs/commands-legacy or docs/commands: ob-get-type.md: a missing property is Is undefined)
ALERT(String(OB Get type({a:1};"b")=Is undefined))
