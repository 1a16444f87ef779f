// EXECUTE FORMULA runs a line of code with the method's variables
$x:=1
EXECUTE FORMULA("$x:=$x+41")
ALERT(String($x))
