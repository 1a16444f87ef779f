// A project method's loop storing into This.c, where This is the plain object a formula
// is called on (no class instance); This.c replaced by a collection the object shares
// with a local between two calls.
var $o : Object
var $c : Collection
$o:=New object("c"; New collection(1; 2; 3); "f"; Formula(ccs_fill_this(1; 4)))
$o.f()
ALERT(JSON Stringify($o.c))
$c:=New collection("a")
$o.c:=$c
$o.f()
ALERT(JSON Stringify($c))
