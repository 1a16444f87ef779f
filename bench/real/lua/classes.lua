local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point:translate(dx, dy) self.x = self.x + dx; self.y = self.y + dy end
function Point:dot(p) return self.x * p.x + self.y * p.y end
function Point:plus(p) return Point.new(self.x + p.x, self.y + p.y) end
local acc = Point.new(0.0, 0.0)
for i = 1, 200000 do
  local p = Point.new(i % 10 + 0.0, i % 7 + 0.0)
  acc = acc:plus(p)
end
local u = Point.new(1.0, 2.0)
local p = Point.new(1.0, 1.0)
local s = 0.0
for i = 1, 500000 do
  p:translate(1.0, -1.0)
  s = s + p:dot(u)
end
print(math.floor(acc.x), math.floor(acc.y), math.floor(s))
