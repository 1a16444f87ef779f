// cs.X.new() runs the constructor; functions see This
$a:=cs.Animal.new("Rex")
ALERT($a.name)
ALERT($a.speak())
