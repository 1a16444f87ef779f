// & and | on Booleans; comparisons must be parenthesized
ALERT(String(True & False))
ALERT(String(True | False))
ALERT(String(("A"="A") & (15#3)))
ALERT(String((1=1) | (1=2)))
ALERT(String(Not(True)))
ALERT(String(Not(1>2)))
ALERT(String(False | False))
