class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def translate(self, dx, dy):
        self.x = self.x + dx
        self.y = self.y + dy

    def dot(self, p):
        return self.x * p.x + self.y * p.y

    def plus(self, p):
        return Point(self.x + p.x, self.y + p.y)


acc = Point(0.0, 0.0)
for i in range(1, 200001):
    p = Point(float(i % 10), float(i % 7))
    acc = acc.plus(p)
u = Point(1.0, 2.0)
p = Point(1.0, 1.0)
s = 0.0
for i in range(1, 500001):
    p.translate(1.0, -1.0)
    s = s + p.dot(u)
print(int(acc.x), int(acc.y), int(s))
