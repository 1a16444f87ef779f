// This.name:=v in class functions: an Integer kept as a Real, an undefined Variant
// resetting a text to "", a new property appended last; in a subclass of a class with a setter,
// the setter runs (the store is not made in place).
var $o : cs.ThisStore
var $s : cs.ThisStoreSet
$o:=cs.ThisStore.new()
$o.put(3)
ALERT(JSON Stringify($o)+" "+String(Value type($o.n)))
$s:=cs.ThisStoreSet.new()
$s.put(5)
ALERT(String($s._v)+" "+String($s.v)+" "+JSON Stringify($s))
