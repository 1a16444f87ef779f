local rows = {}
for i = 1, 50000 do
  rows[#rows + 1] = tostring(i) .. ";customer " .. tostring(i % 977) .. ";City" .. tostring(i % 31) .. ";" .. tostring((i * 37) % 1000) .. ";note"
end
local csv = table.concat(rows, "\r\n") .. "\r\n"
local total, count, lines, occ = 0, 0, 0, 0
local start = 1
local pos = string.find(csv, "\n", start, true)
while pos do
  local line = string.sub(csv, start, pos - 2)
  local fields = {}
  for f in string.gmatch(line .. ";", "([^;]*);") do fields[#fields + 1] = f end
  total = total + tonumber(fields[4])
  if string.find(string.lower(fields[3]), "city1", 1, true) == 1 then count = count + 1 end
  lines = lines + 1
  start = pos + 1
  pos = string.find(csv, "\n", start, true)
end
local low = string.lower(csv)
start = 1
pos = string.find(low, "customer 12", start, true)
while pos do
  occ = occ + 1
  start = pos + 1
  pos = string.find(low, "customer 12", start, true)
end
local csv2 = string.gsub(csv, "\r\n", "\n")
local csv3 = string.gsub(csv2, ";", ",")
print(lines, total, count, occ, #csv2, #csv3)
