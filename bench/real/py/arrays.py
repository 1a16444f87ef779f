n = 20000
names = [""] * (n + 1)
keys = [0] * (n + 1)
scores = [0.0] * (n + 1)
for i in range(1, n + 1):
    keys[i] = (i * 7919) % 20011
    names[i] = "name" + str(keys[i])
    scores[i] = (i % 100) / 4
order = sorted(range(1, n + 1), key=keys.__getitem__)
keys = [0] + [keys[j] for j in order]
names = [""] + [names[j] for j in order]
scores = [0.0] + [scores[j] for j in order]
s = 0
for i in range(1, n + 1):
    s = (s * 31 + keys[i] * (i % 7) + len(names[i])) % 1000003
found = 0
for i in range(1, 401):
    x = "name" + str((i * 53) % 20011)
    try:
        k = names.index(x, 1)
    except ValueError:
        k = -1
    found = found + k
total = 0.0
for p in range(100):
    for i in range(1, n + 1):
        if scores[i] > 10:
            total = total + scores[i]
        else:
            total = total - 1
order = sorted(range(1, n + 1), key=names.__getitem__, reverse=True)
names2 = [""] + [names[j] for j in order]
keys2 = [0] + [keys[j] for j in order]
print(s, found, int(total), names2[1], names2[n], keys2[1])
