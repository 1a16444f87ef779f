// LONGINT ARRAY FROM SELECTION, CREATE SET FROM ARRAY (record numbers, Booleans from element 0, error -10503), COPY SET, QUERY SELECTION WITH ARRAY (docs pages of each command)
fill
QUERY([Employee]; [Employee]Active=True)
ARRAY LONGINT($recs; 0)
LONGINT ARRAY FROM SELECTION([Employee]; $recs)
ALERT(String(Size of array($recs))+": "+String($recs{1})+" "+String($recs{2})+" "+String($recs{3}))
ARRAY LONGINT($some; 2)
$some{1}:=1
$some{2}:=5
CREATE SET FROM ARRAY([Employee]; $some; "picked")
USE SET("picked")
ORDER BY([Employee]; [Employee]Name; >)
ALERT(String(Records in selection([Employee]))+" "+[Employee]Name)
ARRAY BOOLEAN($in; 3)
$in{0}:=True
$in{2}:=True
CREATE SET FROM ARRAY([Employee]; $in; "bools")
ALERT("bools "+String(Records in set("bools"))+" "+String(Is in set("bools")))
COPY SET("bools"; "copy")
CLEAR SET("bools")
ALERT("copy "+String(Records in set("copy")))
$some{1}:=99
Try
	CREATE SET FROM ARRAY([Employee]; $some; "bad")
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
ALL RECORDS([Employee])
QUERY([Employee]; [Employee]CompanyID#3)
ARRAY TEXT($names; 3)
$names{1}:="ann"
$names{2}:="Frank"
$names{3}:="eve"
QUERY SELECTION WITH ARRAY([Employee]Name; $names)
ORDER BY([Employee]; [Employee]Name; >)
ALERT("with array "+String(Records in selection([Employee]))+" "+[Employee]Name)
