-- Twin of the Drag Race's sieve_KC_2(1000000).
local size = 1000000
local a, b = {}, {}
for i = 1, size do a[i] = 0; b[i] = false end
local passes, pos = 0, 3
local nsize = math.floor(size / 3)
while nsize >= pos do
  for i = pos, nsize, 2 do b[pos * i] = true end
  pos = pos + 2
  nsize = math.floor(size / pos)
  passes = passes + 1
end
local count, top, text = 1, size - 100, "2 "
for i = 3, size, 2 do
  if not b[i] then
    count = count + 1
    if i < 50 or i > top then text = text .. tostring(i) .. " " end
  end
end
print(count)
