// the tool4d sequence: On Exit last (unless --skip-onstartup)
LOG EVENT(Into system standard outputs; "On Exit\n")
