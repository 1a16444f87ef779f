// shared classes say so
ALERT(String(cs.SharedThing.isShared)+" "+String(cs.Animal.isShared))
$s:=cs.SharedThing.new(5)
ALERT(String($s.v))
