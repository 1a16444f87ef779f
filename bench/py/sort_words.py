x = 42
a = []
for i in range(100000):
    w = []
    for j in range(8):
        x = (x * 16807) % 2147483647
        k = x % 52
        w.append(chr(65 + k) if k < 26 else chr(97 + k - 26))
    a.append("".join(w))
a.sort(key=str.lower)
print(a[0].upper(), a[49999].upper(), a[99999].upper())
