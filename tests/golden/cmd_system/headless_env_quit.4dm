// SET ENVIRONMENT VARIABLE sets a variable of the environment ("" removes it); Structure file
// ends with .4DProject; IDLE lets other processes run; QUIT 4D ends the run (exit 0)
SET ENVIRONMENT VARIABLE("FOURD_TEST_VAR"; "on")
ALERT(String(Length(Structure file)>0)+" "+String(Structure file="@.4DProject"))
IDLE
QUIT 4D
ALERT("not reached")
