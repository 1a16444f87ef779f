// Tokenized object and JSON commands
var $o : Object
$o:=New object:C1471("a"; 1)
$o.b:=JSON Parse:C1218("[1,2]")
ALERT:C41(JSON Stringify:C1217($o))
ALERT:C41(String:C10(Count parameters:C259))
ALERT:C41(Current method name:C684)
