// Call chain lists the running methods, innermost first
$c:=fml_chain
ALERT($c[0].name+" "+$c[0].type+" "+String($c[0].line))
ALERT($c[1].name+" "+String($c[1].line))
