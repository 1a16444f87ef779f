// calling a function the class does not have is an error
$a:=cs.Animal.new("x")
ALERT("before")
$a.fly()
