// Output of called methods appears in call order
ALERT("start")
mth_trace_calls("outer")
ALERT("end")
