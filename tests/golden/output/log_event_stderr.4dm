// LOG EVENT with importance Error message goes to stderr, not stdout
LOG EVENT(Into system standard outputs; "to stdout\n")
LOG EVENT(Into system standard outputs; "to stderr\n"; Error message)
ALERT("done")
