// Current method name: Class.function, Class:constructor
$w:=cs.Who.new()
ALERT($w.name())
ALERT($w.ctorName)
ALERT(cs.Puppy.new("x").whoami())
