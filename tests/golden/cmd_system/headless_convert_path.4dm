// Convert path system to POSIX / Convert path POSIX to system: on a POSIX system the two path
// syntaxes are the same ([choice]: the text is returned unchanged, with or without *)
ALERT(Convert path system to POSIX("/tmp/a b/c.txt"))
ALERT(Convert path POSIX to system("/tmp/dir/"; *))
ALERT("["+Convert path system to POSIX("")+"]")
