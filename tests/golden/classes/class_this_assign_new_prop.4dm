// properties added after new() are ordinary properties
$a:=cs.Animal.new("Rex")
$a.color:="brown"
ALERT($a.color)
ALERT(String(OB Instance of($a; cs.Animal)))
