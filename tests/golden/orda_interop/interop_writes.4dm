// classic commands and ORDA on the same records, inside and outside transactions
ofill
var $e; $s : Object
// ORDA writes, the classic language reads
$e:=ds.Employee.get(2)
$e.Salary:=2500
$e.save()
QUERY([Employee]; [Employee]ID=2)
ALERT("classic sees "+String([Employee]Salary))
// the classic language writes, ORDA reads (and the stamp moves)
[Employee]Salary:=2600
SAVE RECORD([Employee])
UNLOAD RECORD([Employee])
ALERT("ORDA sees "+String(ds.Employee.get(2).Salary)+" stamp "+String(ds.Employee.get(2).getStamp()))
$e.Name:="stale"
ALERT("stale save: "+String($e.save().status))
// ds.startTransaction() is the process's transaction
ds.startTransaction()
ALERT("level "+String(Transaction level)+" "+String(In transaction))
CREATE RECORD([Company])
[Company]Name:="InTx"
SAVE RECORD([Company])
ALERT("ORDA in tx sees "+String(ds.Company.query("Name = 'InTx'").length))
$e:=ds.Employee.get(3)
$e.Salary:=9999
$e.save()
QUERY([Employee]; [Employee]Salary=9999)
ALERT("classic in tx sees "+String(Records in selection([Employee])))
CANCEL TRANSACTION
ALERT("after cancel: "+String(ds.Company.query("Name = 'InTx'").length)+" "+String(ds.Employee.get(3).Salary))
// classic transaction validated by ORDA
START TRANSACTION
$e:=ds.Company.new()
$e.Name:="Kept"
$e.save()
ds.validateTransaction()
ALERT("after validate: "+String(ds.Company.query("Name = 'Kept'").length)+" "+String(Transaction level))
// nested: ds.cancelTransaction() ends the inner level only
ds.startTransaction()
ds.startTransaction()
$e:=ds.Company.get(1)
$e.City:="Inner"
$e.save()
ds.cancelTransaction()
ALERT("inner cancelled: "+ds.Company.get(1).City+" level "+String(Transaction level))
ds.validateTransaction()
// USE ENTITY SELECTION and Create entity selection
USE ENTITY SELECTION(ds.Employee.query("Salary > 3500 order by Salary desc"))
ALERT(String(Records in selection([Employee]))+" current: "+[Employee]Name)
QUERY([Company]; [Company]City="Paris")
$s:=Create entity selection([Company])
ALERT(String($s.length)+" "+String($s.isAlterable())+" "+JSON Stringify($s.Name))
