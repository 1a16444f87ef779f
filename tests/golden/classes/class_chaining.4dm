// functions returning This can be chained
$c:=cs.Counter.new()
$c.inc().inc().add(10)
ALERT(String($c.count))
