// Error, Error method, Error line, Error formula
ON ERR CALL("eh_silent")
$x:=1
throw(12; "twelve")
ON ERR CALL("")
ALERT(String(Error))
ALERT(Error method)
ALERT(String(Error line))
ALERT(Error formula)
