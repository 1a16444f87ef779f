local DragSieve = {}
DragSieve.__index = DragSieve
function DragSieve.new() return setmetatable({rawbits = nil, sieveSize = 0}, DragSieve) end
function DragSieve:init(limit)
  self.sieveSize = limit
  self.rawbits = {}
  for i = 0, self.sieveSize do self.rawbits[i] = true end
  self.rawbits[0] = false
  self.rawbits[1] = false
  for i = 4, self.sieveSize, 2 do self.rawbits[i] = false end
end
function DragSieve:runSieve(n)
  self:init(n)
  local factor = 3
  local q = math.sqrt(self.sieveSize)
  while factor < q do
    if self.rawbits[factor] then
      for i = factor * 2, self.sieveSize, factor do self.rawbits[i] = false end
    end
    factor = factor + 2
  end
  return self:countPrimes()
end
function DragSieve:countPrimes()
  local n = 0
  for i = 0, self.sieveSize do if self.rawbits[i] == true then n = n + 1 end end
  return n
end
local sieve = DragSieve.new()
local total = 0
for p = 1, 2 do total = total + sieve:runSieve(1000000) end
print(total)
