// Integer division \ is Int(a/b), which rounds toward minus infinity
ALERT(String(7\2))
ALERT(String(10\5))
ALERT(String(9\4))
ALERT(String(-7\2))
ALERT(String(1\3))
