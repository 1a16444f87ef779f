mx = 1000000
total = 0
for p in range(3):
    last = 2 + 2
    step = 2
    flag = True
    limit = int(mx ** 0.5 + 1)
    count = 0
    ok = [False] * (mx + 1)
    ok[1] = False
    ok[2] = False
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
    total = total + ok.count(False) - 1 + count
print(total)
