// A process variable declared with var, then filled by var_add_total
var gTotal : Integer
var_add_total(5)
var_add_total(7)
ALERT("total="+String(gTotal))
ALERT(String(Type(gTotal)=Is longint))
