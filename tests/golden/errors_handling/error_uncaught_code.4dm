// an uncaught thrown error ends the run with its code
ALERT("before")
throw(1234; "fatal")
