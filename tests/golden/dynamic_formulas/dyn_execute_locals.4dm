// EXECUTE FORMULA with a computed text sees and assigns the method's local variables
var $x : Integer
var $name : Text
$x:=1
$name:="x"
EXECUTE FORMULA("$"+$name+":=$"+$name+"+41")
ALERT(String($x))
EXECUTE FORMULA("$"+"label:=\"new local \"+String($x)")
ALERT(String($x))
// a new local of the text is its own: the method's locals are unchanged
$t:="$label:=\"new local\""
EXECUTE FORMULA($t)
ALERT($name)
