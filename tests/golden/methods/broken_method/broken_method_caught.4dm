// A project method with a syntax error does not stop the others: it is reported once on
// stderr (check style) and raises a catchable error when called (interpreted 4D fails only
// when the bad method is reached).
ALERT("before")
ALERT(brk_good(2))
Try
	brk_bad
	ALERT("not reached")
Catch
	ALERT("caught "+String(Last errors[0].errCode))
End try
ON ERR CALL("brk_handler")
brk_bad
ON ERR CALL("")
ALERT("after "+String(brk_good(3)))
// calling it again reports nothing more on stderr
Try
	brk_bad
Catch
	ALERT("caught again")
End try
