-- Twin of the Drag Race's sieve_KB class, runSieve(1000000).
local Sieve = {}
Sieve.__index = Sieve
function Sieve.new() return setmetatable({rawbits = nil, sieveSize = 0}, Sieve) end
function Sieve:init(limit)
  self.sieveSize = limit
  self.rawbits = {}
  for i = 0, limit - 1 do self.rawbits[i] = true end
  self.rawbits[0] = false
  self.rawbits[1] = false
  for i = 4, self.sieveSize, 2 do self.rawbits[i] = false end
end
function Sieve:runSieve(n)
  self:init(n)
  local factor = 3
  local q = math.sqrt(self.sieveSize)
  while factor < q do
    if self.rawbits[factor] then
      for i = factor * 2, self.sieveSize, factor do self.rawbits[i] = false end
    end
    factor = factor + 2
  end
  local c = 0
  for i = 0, self.sieveSize do if self.rawbits[i] == true then c = c + 1 end end
  return c
end
print(Sieve.new():runSieve(1000000))
