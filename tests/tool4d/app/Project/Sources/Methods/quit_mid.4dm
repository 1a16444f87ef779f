// QUIT 4D in the middle of a method: the rest of it does not run, On Exit does
LOG EVENT(Into system standard outputs; "before quit\n")
quit_helper
LOG EVENT(Into system standard outputs; "after quit (must not print)\n")
