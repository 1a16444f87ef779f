// after the handler returns, the method goes on with the next statement
ON ERR CALL("eh_log")
throw(5; "x")
ALERT("continued")
ON ERR CALL("")
