// inheritance three levels deep: Puppy -> Dog -> Animal
$p:=cs.Puppy.new("Bit")
ALERT($p.speak())
ALERT($p.breed)
ALERT(String($p.legs)+" "+String($p.age))
ALERT($p.fetch("stick"))
ALERT($p.description)
