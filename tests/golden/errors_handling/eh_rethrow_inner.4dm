// helper: fails with eh_rethrow installed; the error comes back when it returns
ON ERR CALL("eh_rethrow")
throw(21; "twenty-one")
ON ERR CALL("")
ALERT("inner continues")
