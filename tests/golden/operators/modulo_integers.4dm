// Modulo % on integer values
ALERT(String(10%3))
ALERT(String(9%3))
ALERT(String(12%5))
ALERT(String(7%10))
ALERT(String(100%7))
