c = []
for i in range(1, 100001):
    c.append({"id": i, "name": "item" + str(i % 1000), "price": i % 97, "qty": i % 13})
s1 = 0.0
for o in c:
    o["total"] = o["price"] * o["qty"]
    s1 = s1 + o["total"]
keys = ["price", "qty", "id"]
s2 = 0.0
for o in c:
    for k in keys:
        s2 = s2 + o[k]
f = list(filter(lambda o: o["price"] > 50, c))
m = list(map(lambda o: o["total"] + 1, f))
q = [o for o in c if o["qty"] == 7]
s = sorted(q, key=lambda o: (-o["price"], o["id"]))
print(int(s1), int(s2), len(f), sum(m), len(q), s[0]["id"], s[-1]["id"])
