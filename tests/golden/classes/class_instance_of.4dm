// OB Instance of follows the inheritance chain
$p:=cs.Puppy.new("Bit")
ALERT(String(OB Instance of($p; cs.Puppy)))
ALERT(String(OB Instance of($p; cs.Dog)))
ALERT(String(OB Instance of($p; cs.Animal)))
ALERT(String(OB Instance of($p; 4D.Object)))
ALERT(String(OB Instance of($p; cs.Point)))
ALERT(String(OB Instance of({}; cs.Animal)))
