import datetime

base = datetime.date(2000, 1, 1)
s = 0
for i in range(1, 300001):
    m = (i % 12)
    d = datetime.date(2000 + m // 12, m % 12 + 1, 1) + datetime.timedelta(days=i % 3000)
    s = s + (d.isoweekday() % 7 + 1) + d.month + d.day + (d.year - 2000) + ((d - base).days % 7)
print(s)
