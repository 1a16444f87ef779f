// A file run with no extra arguments receives no parameters
ALERT(String(Count parameters))
