// Numeric literals are Real values; decimals, leading zeros, negatives
ALERT(String(27))
ALERT(String(123.76))
ALERT(String(0.0076))
ALERT(String(-27))
ALERT(String(1.50))
ALERT(String(007))
ALERT(String(Value type(20)=Is real))
