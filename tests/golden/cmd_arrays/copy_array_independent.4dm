// copy array independent (docs/commands-legacy or docs/commands: copy-array.md: the copy is independent of the source)
ARRAY REAL($a;1)
$a{1}:=1.5
COPY ARRAY($a;$b)
$b{1}:=7
APPEND TO ARRAY($b;8)
ALERT(String($a{1})+" "+String(Size of array($a))+" "+String(Size of array($b)))
