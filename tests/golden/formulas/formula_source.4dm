// .source gives the expression text
$f:=Formula($1.value*2)
ALERT($f.source)
