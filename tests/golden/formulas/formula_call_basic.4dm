// Formula + .call with parameters $1..$n
$f:=Formula($1+$2)
ALERT(String($f.call(Null; 3; 4)))
