// String(Null) is "null"; String(undefined) is ""
var $o : Object:={}
ALERT(String(Null))
ALERT("["+String($o.missing)+"]")
