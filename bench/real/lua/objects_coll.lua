local c = {}
for i = 1, 100000 do
  c[#c + 1] = {id = i, name = "item" .. tostring(i % 1000), price = i % 97, qty = i % 13}
end
local s1 = 0.0
for _, o in ipairs(c) do
  o.total = o.price * o.qty
  s1 = s1 + o.total
end
local keys = {"price", "qty", "id"}
local s2 = 0.0
for _, o in ipairs(c) do
  for _, k in ipairs(keys) do s2 = s2 + o[k] end
end
local function filter(t, fn) local r = {} for _, v in ipairs(t) do if fn(v) then r[#r + 1] = v end end return r end
local function map(t, fn) local r = {} for i, v in ipairs(t) do r[i] = fn(v) end return r end
local f = filter(c, function(o) return o.price > 50 end)
local m = map(f, function(o) return o.total + 1 end)
local msum = 0
for _, v in ipairs(m) do msum = msum + v end
local q = filter(c, function(o) return o.qty == 7 end)
table.sort(q, function(a, b) if a.price ~= b.price then return a.price > b.price end return a.id < b.id end)
print(math.floor(s1), math.floor(s2), #f, msum, #q, q[1].id, q[#q].id)
