// a class without constructor: new() arguments go to the parent constructor
$b:=cs.Bird.new("Tweety")
ALERT($b.name+" "+String($b.legs))
ALERT($b.speak())
