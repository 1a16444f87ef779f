// insert delete array (docs/commands-legacy or docs/commands: insert-in-array.md / delete-from-array.md: howMany, past the end)
ARRAY LONGINT($a;3)
$a{1}:=1
$a{2}:=2
$a{3}:=3
INSERT IN ARRAY($a;2;2)
ALERT(String(Size of array($a))+" "+String($a{2})+String($a{4}))
DELETE FROM ARRAY($a;2;2)
ALERT(String(Size of array($a))+" "+String($a{2}))
INSERT IN ARRAY($a;10)
ALERT(String(Size of array($a)))
DELETE FROM ARRAY($a;1;100)
ALERT(String(Size of array($a)))
