// helper: first of three nested calls
eh_level2
ALERT("level1 after")
