// instances as parameters and results of functions
$a:=cs.Point.new(1; 2)
$b:=cs.Point.new(10; 20)
ALERT($a.plus($b).toString())
