// a class extending an unknown class cannot be instantiated
ALERT("before")
$x:=cs.Orphan.new()
