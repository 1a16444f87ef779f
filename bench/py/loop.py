s = 0
for i in range(1, 30000001):
    s = s + ((i % 7) * (i % 7)) % 7
print(s)
