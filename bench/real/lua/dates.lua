local base = os.time({year = 2000, month = 1, day = 1, hour = 12})
local s = 0
for i = 1, 300000 do
  local m = i % 12
  local t = os.time({year = 2000, month = m + 1, day = 1 + i % 3000, hour = 12})
  local d = os.date("*t", t)
  local diff = math.floor((t - base) / 86400 + 0.5)
  s = s + d.wday + d.month + d.day + (d.year - 2000) + (diff % 7)
end
print(s)
