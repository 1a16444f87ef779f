// helper: handler that re-throws the current errors (deferred)
ALERT("rethrowing "+String(Error))
throw
