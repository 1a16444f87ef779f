// Method called on error returns the installed handler
ALERT("["+Method called on error+"]")
ON ERR CALL("eh_silent")
ALERT(Method called on error)
ON ERR CALL("")
ALERT("["+Method called on error+"]")
