fill
ALL RECORDS([Employee])
SELECTION TO ARRAY([Employee]Name; $names; [Employee]Salary; $sal; [Employee]; $recs)
ALERT(String(Size of array($names))+" "+$names{2}+" "+String($sal{2})+" "+String($recs{6})+" "+String(Type($sal)))
DISTINCT VALUES([Employee]CompanyID; $ids)
ALERT(String(Size of array($ids))+" "+String($ids{1})+" "+String($ids{3}))
ARRAY LONGINT($pick; 2)
$pick{1}:=4
$pick{2}:=1
CREATE SELECTION FROM ARRAY([Employee]; $pick)
ALERT(String(Records in selection([Employee]))+" "+[Employee]Name)
ARRAY TEXT($new; 3)
$new{1}:="X1"
$new{2}:="X2"
$new{3}:="X3"
ARRAY TO SELECTION($new; [Employee]Name)
ALERT(String(Records in selection([Employee]))+" "+String(Records in table([Employee])))
ALL RECORDS([Employee])
ORDER BY([Employee]; [Employee]Name; >)
SELECTION TO ARRAY([Employee]Name; $names)
ALERT(String(Size of array($names))+" "+$names{1}+","+$names{2}+","+$names{7})
