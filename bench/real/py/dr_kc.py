# Twin of the Drag Race's sieve_KC(1000000).
import math
size = 1000000
a = [0] * (size + 1)
b = [False] * (size + 1)
for i in range(1, size + 1):
    a[i] = i
passes = 0
pos = 3
nsize = math.trunc(size / 3)
while nsize > pos:
    for i in range(pos, nsize + 1, 2):
        b[a[pos] * i] = True
    pos = pos + 2
    nsize = math.trunc(size / a[pos])
    passes = passes + 1
count = 1
for i in range(3, size + 1, 2):
    if not b[i]:
        count = count + 1
print(count)
