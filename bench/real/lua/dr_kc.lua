-- Twin of the Drag Race's sieve_KC(1000000).
local size = 1000000
local a, b = {}, {}
for i = 1, size do b[i] = false end
for i = 1, size do a[i] = i end
local passes, pos = 0, 3
local nsize = math.floor(size / 3)
while nsize > pos do
  for i = pos, nsize, 2 do b[a[pos] * i] = true end
  pos = pos + 2
  nsize = math.floor(size / a[pos])
  passes = passes + 1
end
local count = 1
for i = 3, size, 2 do if not b[i] then count = count + 1 end end
print(count)
