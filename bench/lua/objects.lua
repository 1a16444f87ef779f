local c = {}
for i = 1, 200000 do c[#c + 1] = {id = i, value = i % 100, name = "item"} end
local total = 0.0
for _, o in ipairs(c) do total = total + o.value end
print(math.floor(total))
