// docs OB SET example 1 (commands-legacy/ob-set.md): a declared object variable not yet
// assigned is created by OB SET; OB SET ARRAY and OB SET NULL do the same.
C_OBJECT($Object)
OB SET($Object; "FirstName"; "John"; "LastName"; "Smith")
ALERT(JSON Stringify($Object))
var $withArray : Object
ARRAY LONGINT($arr; 2)
$arr{1}:=7
$arr{2}:=8
OB SET ARRAY($withArray; "values"; $arr)
ALERT(JSON Stringify($withArray))
var $withNull : Object
OB SET NULL($withNull; "gone")
ALERT(JSON Stringify($withNull))
var $holder : Object
$holder:=New object("sub"; New object)
OB SET($holder.sub; "k"; 1)
ALERT(JSON Stringify($holder))
