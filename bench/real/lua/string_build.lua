-- Lua builds a long string in a buffer table (the idiomatic twin; s = s .. x is quadratic).
local buf = {}
for i = 1, 60000 do
  local line = "Line " .. tostring(i) .. ": amount " .. tostring(i % 1000) .. " due"
  buf[#buf + 1] = line .. "\n"
end
local s = table.concat(buf)
print(#s, (string.find(s, "Line 59999:", 1, true)))
