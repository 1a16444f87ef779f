// each new() makes a separate object
$a:=cs.Counter.new()
$b:=cs.Counter.new()
$a.inc()
ALERT(String($a.count)+" "+String($b.count))
