// Get call chain is the old name of Call chain (call-chain.md): same collection
var $c : Collection
$c:=Get call chain
ALERT(String($c.length)+" "+$c[0].name+" "+$c[0].type)
ALERT(String($c[0].line))
