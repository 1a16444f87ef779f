QUIT 4D
LOG EVENT(Into system standard outputs; "after QUIT 4D in the callee (must not print)\n")
