// The REST fixture data: three companies, six
// employees (ORDA on records created by the classic commands).
var $names : Collection
$names:=["Ann"; "bob"; "Cécile"; "Dan"; "Eve"; "émile"]
var $cities : Collection
$cities:=["Paris"; "Lyon"; "Paris"]
var $i : Integer
For ($i; 0; 2)
	CREATE RECORD([Company])
	[Company]Name:=["Acme"; "Globex"; "Initech"][$i]
	[Company]City:=$cities[$i]
	[Company]Revenue:=100*($i+1)
	SAVE RECORD([Company])
End for
For ($i; 0; $names.length-1)
	CREATE RECORD([Employee])
	[Employee]Name:=$names[$i]
	[Employee]CompanyID:=($i%3)+1
	[Employee]Salary:=1000*($i+1)
	[Employee]Hired:=Add to date(!2020-01-01!; 0; $i; 0)
	[Employee]Active:=($i%2)=0
	[Employee]Info:=New object("age"; 20+$i; "langs"; New collection("fr"; Choose($i%2; "en"; "de")))
	[Employee]ManagerID:=Choose($i=0; 0; 1)
	SAVE RECORD([Employee])
End for
UNLOAD RECORD([Company])
UNLOAD RECORD([Employee])
