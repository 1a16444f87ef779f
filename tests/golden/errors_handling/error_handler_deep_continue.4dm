// with a handler, each level continues after the failing statement
ON ERR CALL("eh_log")
eh_level1
ALERT("main after")
ON ERR CALL("")
