// CREATE RECORD / SAVE RECORD / Records in table / Record number / DELETE RECORD
ALL RECORDS([Company])
ALERT(String(Records in table([Company])))
CREATE RECORD([Company])
ALERT(String(Record number([Company])))
[Company]Name:="Acme"
[Company]City:="Paris"
SAVE RECORD([Company])
ALERT(String(Record number([Company]))+" "+String([Company]ID))
CREATE RECORD([Company])
[Company]Name:="Globex"
SAVE RECORD([Company])
ALERT(String(Records in table([Company]))+" "+String([Company]ID))
ALERT(String(Records in selection([Company])))
ALL RECORDS([Company])
ALERT(String(Records in selection([Company]))+" "+[Company]Name)
NEXT RECORD([Company])
ALERT([Company]Name+" "+String(Selected record number([Company])))
DELETE RECORD([Company])
ALERT(String(Records in table([Company]))+" "+String(Records in selection([Company])))
ALL RECORDS([Company])
ALERT([Company]Name)
