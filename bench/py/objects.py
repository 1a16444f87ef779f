c = []
for i in range(1, 200001):
    c.append({"id": i, "value": i % 100, "name": "item"})
total = 0.0
for o in c:
    total = total + o["value"]
print(int(total))
