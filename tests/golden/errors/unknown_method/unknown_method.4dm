// Calling a method that does not exist is a runtime error naming it
// [choice] it is reported when the call runs (exit 70), as interpreted 4D does, so "before" prints.
// It lives alone in its folder: a resolver that checks calls at load time must not break other cases.
ALERT("before")
err_no_such_method_xyz(1)  // <-- error
ALERT("after")
