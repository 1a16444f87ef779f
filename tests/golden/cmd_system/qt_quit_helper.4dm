QUIT 4D
ALERT("not reached in the callee")
