// LOG EVENT(Into system standard outputs; text) writes the text as-is, without a newline
LOG EVENT(Into system standard outputs; "a")
LOG EVENT(Into system standard outputs; "b")
LOG EVENT(Into system standard outputs; "c\n")
LOG EVENT(Into system standard outputs; "no newline at the end")
