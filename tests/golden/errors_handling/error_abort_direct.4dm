// ABORT outside a handler stops the run too
ALERT("before")
ABORT
ALERT("not reached")
