local x = 42
local a = {}
for i = 1, 100000 do
  local w = {}
  for j = 1, 8 do
    x = (x * 16807) % 2147483647
    local k = x % 52
    w[j] = k < 26 and string.char(65 + k) or string.char(97 + k - 26)
  end
  a[i] = table.concat(w)
end
table.sort(a, function(p, q) return p:lower() < q:lower() end)
print(a[1]:upper(), a[50000]:upper(), a[100000]:upper())
