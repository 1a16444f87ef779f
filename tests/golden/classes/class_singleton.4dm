// singleton: new() and .me give the same instance, created once
$a:=cs.Config.new()
$b:=cs.Config.new()
$a.value:="changed"
ALERT($b.value)
ALERT(cs.Config.me.value)
ALERT(String($a.created))
ALERT(String(cs.Config.isSingleton)+" "+String(cs.Dog.isSingleton))
