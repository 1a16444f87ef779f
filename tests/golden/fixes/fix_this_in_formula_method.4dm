// docs Formula (Concepts/dt_object "Formula" example; commands/formula.md): a project method
// given to Formula and called as a member of an object sees that object as This.
var $o : Object
$o:=New object("name"; "bob")
$o.greet:=Formula(fix_greet_this)
ALERT($o.greet())
$o.greetWith:=Formula(fix_greet_this_with($1))
ALERT($o.greetWith("hi"))
// a project method called normally has no This
ALERT(String(fix_greet_this))
