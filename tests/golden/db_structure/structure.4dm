var $p; $f : Pointer
$p:=->[Employee]
ALERT(String(Table($p))+" "+Table name($p)+" "+Table name(1)+" "+String(Get last table number))
$f:=->[Employee]Salary
ALERT(String(Table($f))+" "+String(Field($f))+" "+Field name($f)+" "+Field name(1; 2)+" "+String(Get last field number(2)))
$f:=Field(2; 2)
CREATE RECORD(Table(2)->)
$f->:="Via pointer"
[Employee]Salary:=12.5
SAVE RECORD($p->)
ALL RECORDS([Employee])
ALERT([Employee]Name+" "+String(($f->)="Via pointer")+" "+String([Employee:2]Salary:4))
ALERT(Table name(Table(->[Company]Name)))
ALERT(String(Type([Employee]Hired))+" "+String(Type([Employee]Active)))
