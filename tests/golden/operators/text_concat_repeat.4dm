// + concatenates texts; text*number repeats; left to right applies to text too
ALERT("ab"+"cd")
ALERT("ab"*3)
ALERT("-"*10)
ALERT("["+("xyz"*0)+"]")
ALERT("x"+"y"*2)
ALERT("x"+("y"*2))
