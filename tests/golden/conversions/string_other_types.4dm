// String of Booleans, dates, times and texts
ALERT(String(True)+" "+String(False))
ALERT(String(!2024-01-31!))
ALERT(String(?07:08:09?))
ALERT(String("text stays"))
