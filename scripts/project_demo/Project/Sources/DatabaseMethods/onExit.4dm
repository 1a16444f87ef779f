// On Exit: runs last.
ALERT("Bye")
