// get pointer typical (docs/commands-legacy or docs/commands: get-pointer.md example 1: process variables by name)
C_TEXT(gpV1;gpV2)
For($i;1;2)
$p:=Get pointer("gpV"+String($i))
$p->:="val"+String($i)
End for
ALERT(gpV1+gpV2)
