// ALERT and LOG EVENT write to the same stdout, in order
LOG EVENT(Into system standard outputs; "x=")
ALERT("1")
LOG EVENT(Into system standard outputs; "y=2\n")
ALERT("end")
