// Formula from string with a computed text, called later with .call() and $1
var $op : Text
$op:="*"
$src:="$1"+$op+"$2"
$f:=Formula from string($src)
ALERT(String($f.call(Null; 6; 7)))
ALERT($f.source)
$g:=Formula from string("$1.value"+"+"+String(100))
ALERT(String($g.call(Null; New object("value"; 5))))
// the same text gives formulas that work alike
$formulas:=New collection
For ($i; 1; 3)
	$formulas.push(Formula from string("$1+"+String($i)))
End for
ALERT(String($formulas[2].call(Null; 10)))
// stored as an object method: This is the object
$o:=New object("n"; 4; "twice"; Formula from string("This.n*2"))
ALERT(String($o.twice()))
// captures the method's locals by value when created
$k:=3
$h:=Formula from string("$k*"+"$1")
$k:=1000
ALERT(String($h.call(Null; 5)))
