// Runaway recursion ends with a "Stack full" runtime error (exit 70), not a crash
ALERT("start")
err_runaway(1)
ALERT("never")
