// is a variable typical (docs/commands-legacy or docs/commands: is-a-variable.md)
var $x : Integer
var $nil : Pointer
ALERT(String(Is a variable(->$x)))
ALERT(String(Is a variable($nil)))
