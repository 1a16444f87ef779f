// a formula object method with parameters
$o:={base: 100}
$o.add:=Formula(This.base+$1)
ALERT(String($o.add(5)))
