-- Twin of the Drag Race's sieve_JC_blob(1000000): one number (0/1) per byte.
local limit = 1000000
local blob = {}
for i = 0, limit do blob[i] = 1 end
local num, factor = 0, 2
local q = math.floor(math.sqrt(limit) + 0.5)
while factor < q do
  if blob[factor] == 1 then
    num = num + 1
    for i = factor * 2, limit, factor do blob[i] = 0 end
  end
  factor = factor + 1
end
for i = factor + 1, limit, 2 do num = num + blob[i] end
print(num)
