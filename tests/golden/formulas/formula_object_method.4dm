// a formula in a property called as $o.f() binds This
$o:=New object("n"; 21)
$o.double:=Formula(This.n*2)
ALERT(String($o.double()))
$o.n:=5
ALERT(String($o.double()))
