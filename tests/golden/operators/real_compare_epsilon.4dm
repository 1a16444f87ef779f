// Real equality compares with an epsilon, so 0.1+0.2=0.3 is True
ALERT(String(0.1+0.2=0.3))
ALERT(String(1/3*3=1))
ALERT(String(0.1+0.2))
ALERT(String(2.5>=2.5))
ALERT(String(3#4))
