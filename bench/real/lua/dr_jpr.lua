-- Twin of the Drag Race's sieve_JPR(1000000).
local mx = 1000000
local last, step, flag = 2 + 2, 2, true
local limit = math.floor(mx ^ 0.5 + 1)
local count = 0
local ok = {}
for i = 1, mx do ok[i] = false end
while flag do
  for i = last, mx, step do ok[i] = true; count = count + 1 end
  local i = step + 1
  while ok[i] do i = i + 1 end
  last = i * 2; step = i; flag = i < limit
end
local f = 0
for i = 1, mx do if not ok[i] then f = f + 1 end end
print(f)
