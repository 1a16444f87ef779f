// Last errors: errCode, message, componentSignature
ON ERR CALL("eh_last")
throw(42; "the answer")
ON ERR CALL("")
