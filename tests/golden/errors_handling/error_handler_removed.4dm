// ON ERR CALL("") removes the handler: the next error is uncaught
ON ERR CALL("eh_silent")
throw(1; "handled")
ON ERR CALL("")
ALERT("between")
throw(2; "not handled")
