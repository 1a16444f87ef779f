// Division always gives a Real; 13 significant digits; 1/0 is INF, not an error
ALERT(String(7/2))
ALERT(String(1/3))
ALERT(String(2/3))
ALERT(String(100/3))
ALERT(String(1/0))
ALERT(String(-1/0))
ALERT(String(6/3))
