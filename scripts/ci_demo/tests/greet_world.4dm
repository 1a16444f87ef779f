// a golden case: stdout must equal greet_world.out (the project's methods are available)
ALERT(greet("world"))
ALERT(greet("4D"))
