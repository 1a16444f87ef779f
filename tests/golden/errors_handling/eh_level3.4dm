// helper: third level, throws
throw(333; "deep error")
ALERT("level3 after")
