def rec_tree(depth, path):
    node = {"path": path, "value": len(path)}
    if depth > 0:
        node["left"] = rec_tree(depth - 1, path + "L")
        node["right"] = rec_tree(depth - 1, path + "R")
    return node


def rec_walk(node):
    s = node["value"]
    if node.get("left") is not None:
        s = s + rec_walk(node["left"]) + rec_walk(node["right"])
    else:
        if node["path"][len(node["path"]) - 1:len(node["path"])] == "L":
            s = s + 1
    return s


def rec_count(t, c):
    if len(t) <= 1:
        return int(t == c)
    mid = len(t) // 2
    return rec_count(t[:mid], c) + rec_count(t[mid:], c)


total = 0.0
for i in range(3):
    tree = rec_tree(15, "")
    total = total + rec_walk(tree)
t = ""
for i in range(1, 4097):
    t = t + chr(97 + i % 5)
n = 0
for i in range(10):
    n = n + rec_count(t, "c")
print(int(total), n)
