// helper: an error handler that aborts
ALERT("aborting on "+String(Error))
ABORT
