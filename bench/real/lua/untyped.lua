local total = 0
for i = 1, 2000000 do
  local x = i % 17
  if x == 0 then total = total + 3
  elseif x < 5 then total = total + (x * 2)
  else total = total - 1 end
end
local count = 0
for i = 1, 200000 do
  local word = "w" .. tostring(i % 50)
  if #word == 2 then count = count + 1 end
end
print(total, count)
