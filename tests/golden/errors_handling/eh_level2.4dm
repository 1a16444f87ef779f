// helper: second of three nested calls
eh_level3
ALERT("level2 after")
