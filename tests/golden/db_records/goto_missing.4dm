fill
GOTO RECORD([Employee]; 42)
