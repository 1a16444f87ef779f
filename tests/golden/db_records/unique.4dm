fill
ALL RECORDS([Company])
CREATE RECORD([Company])
[Company]ID:=1
[Company]Name:="Dup"
SAVE RECORD([Company])
