// Process variables are shared by every method of the process (var_bump_counter increments vCounter)
vCounter:=0
var_bump_counter
var_bump_counter
var_bump_counter
ALERT("counter="+String(vCounter))
