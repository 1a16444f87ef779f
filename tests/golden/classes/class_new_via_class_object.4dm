// a class object in a variable: .new() still works
$cls:=cs.Point
$p:=$cls.new(1; 2)
ALERT($p.toString())
