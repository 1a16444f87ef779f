total = 0
for i in range(1, 2000001):
    x = i % 17
    if x == 0:
        total = total + 3
    elif x < 5:
        total = total + (x * 2)
    else:
        total = total - 1
count = 0
for i in range(1, 200001):
    word = "w" + str(i % 50)
    if len(word) == 2:
        count = count + 1
print(total, count)
