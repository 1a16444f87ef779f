// Runaway recursion of a compiled method ends with "Stack full" (exit 70), not a crash
ALERT("start")
ALERT(String(fst_runaway(1)))
ALERT("never")
