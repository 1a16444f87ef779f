// ABORT in the handler stops everything
ON ERR CALL("eh_abort")
throw(77; "x")
ALERT("not reached")
