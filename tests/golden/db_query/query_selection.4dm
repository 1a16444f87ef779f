fill
QUERY([Employee]; [Employee]Active=True)
ALERT(String(Records in selection([Employee])))
QUERY SELECTION([Employee]; [Employee]Salary>1000)
ALERT(String(Records in selection([Employee]))+" "+[Employee]Name)
ARRAY TEXT($wanted; 2)
$wanted{1}:="bob"
$wanted{2}:="EVE"
QUERY WITH ARRAY([Employee]Name; $wanted)
ALERT(String(Records in selection([Employee])))
ORDER BY([Employee]; [Employee]Name; <)
ALERT([Employee]Name)
ALL RECORDS([Employee])
ORDER BY([Employee]; [Employee]Active; >; [Employee]Salary; <)
SELECTION TO ARRAY([Employee]Name; $n)
ALERT(String(OK)+" "+$n{1}+","+$n{2}+","+$n{3}+","+$n{4}+","+$n{5}+","+$n{6})
