# Twin of the Drag Race's sieve_JPR(1000000): booleans marking composites, count of False.
mx = 1000000
last = 2 + 2
step = 2
flag = True
limit = int(mx ** 0.5 + 1)
count = 0
ok = [False] * (mx + 1)
while flag:
    for i in range(last, mx + 1, step):
        ok[i] = True
        count = count + 1
    i = step + 1
    while ok[i]:
        i = i + 1
    last = i * 2
    step = i
    flag = i < limit
print(ok.count(False) - 1)
