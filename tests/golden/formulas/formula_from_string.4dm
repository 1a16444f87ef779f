// Formula from string compiles text
$f:=Formula from string("$1*3")
ALERT(String($f.call(Null; 5)))
ALERT($f.source)
