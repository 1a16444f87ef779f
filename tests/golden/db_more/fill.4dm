// shared by the db cases: not a case itself (no .out)
var $names : Collection
$names:=["Ann"; "bob"; "Cécile"; "Dan"; "Eve"; "Frank"]
CREATE RECORD([Company])
[Company]Name:="Acme"
[Company]City:="Paris"
SAVE RECORD([Company])
CREATE RECORD([Company])
[Company]Name:="Globex"
[Company]City:="Lyon"
SAVE RECORD([Company])
CREATE RECORD([Company])
[Company]Name:="Initech"
[Company]City:="Paris"
SAVE RECORD([Company])
var $i : Integer
For ($i; 0; $names.length-1)
	CREATE RECORD([Employee])
	[Employee]Name:=$names[$i]
	[Employee]CompanyID:=($i%3)+1
	[Employee]Salary:=1000*($i+1)
	[Employee]Hired:=Add to date(!2020-01-01!; 0; $i; 0)
	[Employee]Active:=($i%2)=0
	SAVE RECORD([Employee])
End for
UNLOAD RECORD([Company])
UNLOAD RECORD([Employee])
