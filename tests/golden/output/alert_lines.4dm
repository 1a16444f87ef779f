// ALERT prints its text followed by a newline; ALERT("") prints an empty line
ALERT("first")
ALERT("")
ALERT("third")
