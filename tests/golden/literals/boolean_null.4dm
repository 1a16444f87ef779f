// True, False and Null are commands returning values
ALERT(String(True))
ALERT(String(False))
ALERT(String(Null))
ALERT(String(Value type(True)))
ALERT(String(Value type(Null)))
