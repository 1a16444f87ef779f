// No operator precedence: binary operators are evaluated strictly left to right
ALERT(String(3+4*5))
ALERT(String(3+(4*5)))
ALERT(String(10-2-3))
ALERT(String(2*3^2))
ALERT(String(100/10/2))
ALERT(String(2+3*2-1))
ALERT(String(1+1=2))
