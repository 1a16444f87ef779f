local x = 42
local a = {}
for i = 1, 300000 do x = (x * 16807) % 2147483647; a[i] = x + 0.0 end
table.sort(a)
print(math.floor(a[1]), math.floor(a[150000]), math.floor(a[300000]))
