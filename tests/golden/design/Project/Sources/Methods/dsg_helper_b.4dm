// a helper without attributes
ALERT("b")
