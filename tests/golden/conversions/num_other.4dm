// Num of Booleans, numbers and undefined
var $o : Object:={}
ALERT(String(Num(True)))
ALERT(String(Num(False)))
ALERT(String(Num(5.5)))
ALERT(String(Num($o.missing)))
ALERT(("ab"*Num(True))+"|"+("ab"*Num(False))+"|")
