fill
ALERT(String(In transaction)+" "+String(Transaction level))
START TRANSACTION
CREATE RECORD([Company])
[Company]Name:="Temp"
SAVE RECORD([Company])
ALERT(String(In transaction)+" "+String(Records in table([Company])))
CANCEL TRANSACTION
ALERT(String(In transaction)+" "+String(Records in table([Company])))
START TRANSACTION
CREATE RECORD([Company])
[Company]Name:="Kept"
SAVE RECORD([Company])
START TRANSACTION
QUERY([Company]; [Company]Name="Acme")
DELETE RECORD([Company])
ALERT(String(Transaction level)+" "+String(Records in table([Company])))
CANCEL TRANSACTION
ALERT(String(Records in table([Company])))
VALIDATE TRANSACTION
ALERT(String(OK)+" "+String(Records in table([Company])))
ALL RECORDS([Company])
ORDER BY([Company]; [Company]Name; >)
SELECTION TO ARRAY([Company]Name; $names)
ALERT(String(Size of array($names))+" "+$names{1}+" "+$names{4})
