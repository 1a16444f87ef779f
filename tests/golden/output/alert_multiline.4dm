// A newline inside an ALERT text splits the output line
ALERT("a\nb")
ALERT("c"+Char(Line feed)+"d")
