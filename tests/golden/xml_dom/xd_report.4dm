// helper (ON ERR CALL handler): prints the error number and OK
ALERT("error "+String(Error))
