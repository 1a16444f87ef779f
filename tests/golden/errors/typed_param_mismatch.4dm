// A wrong argument type for a #DECLARE parameter is an error in interpreted mode (parameters.md)
ALERT("before")
err_wants_integer("not a number")
ALERT("after")
