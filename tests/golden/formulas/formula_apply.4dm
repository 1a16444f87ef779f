// .apply takes the parameters as a collection
$f:=Formula($1*$2+$3)
ALERT(String($f.apply(Null; [2; 3; 4])))
