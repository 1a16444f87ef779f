// Booleans compare with = and #
ALERT(String(True=True))
ALERT(String(True#False))
ALERT(String((1<2)=True))
ALERT(String(False=(1=1)))
