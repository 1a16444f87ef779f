// copy array typical (docs/commands-legacy or docs/commands: copy-array.md: destination gets type and size)
ARRAY TEXT($src;2)
$src{1}:="x"
$src{2}:="y"
ARRAY LONGINT($dst;5)
COPY ARRAY($src;$dst)
ALERT(String(Size of array($dst))+" "+$dst{2}+" "+String(Type($dst)))
