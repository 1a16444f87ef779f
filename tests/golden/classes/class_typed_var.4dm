// var with a class type and built-in 4D classes
var $p : cs.Point
var $f : 4D.Function
var $file : 4D.File
var $folder : 4D.Folder
var $b : 4D.Blob
ALERT(String($p=Null))
$p:=cs.Point.new(3; 4)
ALERT($p.toString())
ALERT(String(Value type($f)))
