// QUIT 4D (quit-4d.md): "the current process stops its execution": nothing after it runs, in the
// method or its caller, and the run ends with exit code 0
ALERT("before")
qt_quit_helper
ALERT("not reached in the caller")
