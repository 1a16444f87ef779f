// find sorted typical (docs/commands-legacy or docs/commands: find-in-sorted-array.md example 1: insertion point)
ARRAY LONGINT($a;0)
APPEND TO ARRAY($a;10)
APPEND TO ARRAY($a;20)
APPEND TO ARRAY($a;20)
APPEND TO ARRAY($a;30)
var $first; $last : Integer
ALERT(String(Find in sorted array($a;20;>;$first;$last))+" "+String($first)+" "+String($last))
ALERT(String(Find in sorted array($a;25;>;$first;$last))+" "+String($first)+" "+String($last))
If(Not(Find in sorted array($a;5;>;$first)))
INSERT IN ARRAY($a;$first)
$a{$first}:=5
End if
ALERT(String($a{1})+","+String($a{2})+","+String(Size of array($a)))
