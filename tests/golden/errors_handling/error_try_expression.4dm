// Try(expr) returns undefined on error and goes on
$x:=Try(1+"a")
ALERT(String(Undefined($x)))
ALERT(String(Last errors[0].errCode))
