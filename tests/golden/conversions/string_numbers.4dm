// String(number): up to 13 significant digits, no trailing zeros, "." as decimal separator
ALERT(String(10))
ALERT(String(2.5))
ALERT(String(-0.25))
ALERT(String(1000000))
ALERT(String(2^31))
ALERT(String(123456789.125))
ALERT(String(0.1+0.2))
ALERT(String(1/3))
