// an error inside the handler stops the run
ON ERR CALL("eh_fails")
throw(1; "first")
ALERT("not reached")
