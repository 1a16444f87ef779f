// Numeric comparisons
ALERT(String(1<2))
ALERT(String(2.5>=2.5))
ALERT(String(-1<0))
ALERT(String(3#3))
ALERT(String(10>9.99))
ALERT(String(7<=6))
