// ARRAY OBJECT elements hold object references
ARRAY OBJECT($objs; 2)
$objs{1}:={a: 1}
$objs{2}:=New object("b"; "two")
$objs{1}.a:=$objs{1}.a+1
ALERT(JSON Stringify($objs{1})+" "+$objs{2}.b)
