local n = 20000
local names, keys, scores = {}, {}, {}
for i = 1, n do
  keys[i] = (i * 7919) % 20011
  names[i] = "name" .. tostring(keys[i])
  scores[i] = (i % 100) / 4
end
local order = {}
for i = 1, n do order[i] = i end
table.sort(order, function(a, b) return keys[a] < keys[b] end)
local k2, n2, s2 = {}, {}, {}
for i = 1, n do k2[i] = keys[order[i]]; n2[i] = names[order[i]]; s2[i] = scores[order[i]] end
keys, names, scores = k2, n2, s2
local s = 0
for i = 1, n do s = (s * 31 + keys[i] * (i % 7) + #names[i]) % 1000003 end
local found = 0
for i = 1, 400 do
  local x = "name" .. tostring((i * 53) % 20011)
  local k = -1
  for j = 1, n do if names[j] == x then k = j; break end end
  found = found + k
end
local total = 0.0
for p = 1, 100 do
  for i = 1, n do
    if scores[i] > 10 then total = total + scores[i] else total = total - 1 end
  end
end
for i = 1, n do order[i] = i end
table.sort(order, function(a, b) return names[a] > names[b] end)
print(s, found, math.floor(total), names[order[1]], names[order[n]], keys[order[1]])
