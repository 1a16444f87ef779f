// Power ^
ALERT(String(2^10))
ALERT(String(2^0.5))
ALERT(String(9^0.5))
ALERT(String(10^0))
ALERT(String(1.5^2))
