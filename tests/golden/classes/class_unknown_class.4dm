// cs.X with no class file X is an error
ALERT("before")
$x:=cs.NoSuchClass.new()
