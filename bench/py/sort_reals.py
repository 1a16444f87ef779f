x = 42
a = []
for i in range(300000):
    x = (x * 16807) % 2147483647
    a.append(float(x))
a.sort()
print(int(a[0]), int(a[149999]), int(a[299999]))
