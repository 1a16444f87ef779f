// Modified record, Is new record, DUPLICATE RECORD, Sequence number, PUSH/POP RECORD, PREVIOUS RECORD, GET FIELD PROPERTIES, Current default table, TRUNCATE TABLE (docs pages of each command)
fill
QUERY([Employee]; [Employee]Name="Dan")
ALERT(String(Modified record([Employee]))+" "+String(Is new record([Employee])))
[Employee]Salary:=[Employee]Salary
ALERT("assigned "+String(Modified record([Employee])))
SAVE RECORD([Employee])
ALERT("saved "+String(Modified record([Employee])))
DUPLICATE RECORD([Employee])
ALERT("copy "+String(Is new record([Employee]))+" "+String(Modified record([Employee]))+" "+[Employee]Name+" "+String([Employee]Salary))
SAVE RECORD([Employee])
ALERT(String(Records in table([Employee]))+" "+String([Employee]ID))
var $a; $b : Integer
$a:=Sequence number([Employee])
$b:=Sequence number([Employee])
ALERT("sequence "+String($b-$a)+" "+String($a>[Employee]ID))
CREATE RECORD([Company])
ALERT("new "+String(Is new record([Company]))+" "+String(Modified record([Company])))
ALL RECORDS([Employee])
ORDER BY([Employee]; [Employee]Salary; >)
NEXT RECORD([Employee])
PUSH RECORD([Employee])
[Employee]Name:="changed"
POP RECORD([Employee])
ALERT("popped "+[Employee]Name+" "+String(Modified record([Employee])))
PREVIOUS RECORD([Employee])
ALERT("previous "+[Employee]Name+" "+String(Before selection([Employee])))
PREVIOUS RECORD([Employee])
ALERT("before "+String(Before selection([Employee])))
var $type; $len : Integer
var $indexed; $unique; $invisible : Boolean
GET FIELD PROPERTIES(->[Employee]ID; $type; $len; $indexed; $unique; $invisible)
ALERT("ID "+String($type)+" "+String($unique)+" "+String($invisible))
GET FIELD PROPERTIES(2; 4; $type)
ALERT("Salary "+String($type=Is real))
GET FIELD PROPERTIES(->[Employee]Hired; $type)
ALERT("Hired "+String($type=Is date))
DEFAULT TABLE([Company])
ALERT("default "+Table name(Current default table))
TRUNCATE TABLE([Company])
ALERT("truncated "+String(Records in table([Company]))+" "+String(OK))
UNLOAD RECORD([Employee])
ALERT("loaded "+String(Is record loaded([Employee])))
ALL RECORDS([Employee])
ALERT("loaded "+String(Is record loaded([Employee])))
NO DEFAULT TABLE
Try
	ALERT(String(Records in selection))
Catch
	ALERT("no default table")
End try
