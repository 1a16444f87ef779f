// Information and Warning messages go to stdout
LOG EVENT(Into system standard outputs; "info\n"; Information message)
LOG EVENT(Into system standard outputs; "warning\n"; Warning message)
