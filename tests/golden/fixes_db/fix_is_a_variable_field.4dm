// docs commands-legacy/is-a-variable.md: True only for a pointer to a variable; False for a
// pointer to a table or a field, and for a nil pointer.
var $v : Text
ALERT(String(Is a variable(->$v)))
ALERT(String(Is a variable(->[Company])))
ALERT(String(Is a variable(->[Company]Name)))
var $nil : Pointer
ALERT(String(Is a variable($nil)))
