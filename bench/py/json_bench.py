import json
c = [{"id": i, "name": "item " + str(i), "ok": (i % 2) == 0, "tags": ["a", "b"]} for i in range(1, 50001)]
for _ in range(3):
    text = json.dumps(c, separators=(",", ":"))
    back = json.loads(text)
print(len(back), len(text))
