// a getter without setter is read-only: assigning it is an error
$t:=cs.Temperature.new(0)
ALERT(String($t.id))
$t.id:=7
ALERT("not reached")
