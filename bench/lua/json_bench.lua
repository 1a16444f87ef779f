-- A small JSON encoder/decoder (Lua has none built in); objects keep key order
-- in a `_keys` list so the output matches fourd's and Python's.
local function encode(v, out)
  local t = type(v)
  if t == "table" and v._keys then
    out[#out + 1] = "{"
    for n, k in ipairs(v._keys) do
      if n > 1 then out[#out + 1] = "," end
      out[#out + 1] = string.format("%q", k)
      out[#out + 1] = ":"
      encode(v[k], out)
    end
    out[#out + 1] = "}"
  elseif t == "table" then
    out[#out + 1] = "["
    for n, item in ipairs(v) do
      if n > 1 then out[#out + 1] = "," end
      encode(item, out)
    end
    out[#out + 1] = "]"
  elseif t == "string" then out[#out + 1] = '"' .. v .. '"'
  elseif t == "boolean" then out[#out + 1] = tostring(v)
  else out[#out + 1] = string.format("%d", v) end
end
local function decode(s)
  local pos = 1
  local value
  local function skip() pos = s:find("[^ \t\r\n]", pos) or #s + 1 end
  function value()
    skip()
    local c = s:sub(pos, pos)
    if c == "{" then
      local obj = {_keys = {}}
      pos = pos + 1; skip()
      if s:sub(pos, pos) == "}" then pos = pos + 1 return obj end
      while true do
        skip()
        local key = value()
        skip(); pos = pos + 1 -- ':'
        obj[key] = value(); obj._keys[#obj._keys + 1] = key
        skip()
        local d = s:sub(pos, pos); pos = pos + 1
        if d == "}" then return obj end
      end
    elseif c == "[" then
      local arr = {}
      pos = pos + 1; skip()
      if s:sub(pos, pos) == "]" then pos = pos + 1 return arr end
      while true do
        arr[#arr + 1] = value(); skip()
        local d = s:sub(pos, pos); pos = pos + 1
        if d == "]" then return arr end
      end
    elseif c == '"' then
      local e = s:find('"', pos + 1, true)
      local str = s:sub(pos + 1, e - 1); pos = e + 1
      return str
    elseif s:sub(pos, pos + 3) == "true" then pos = pos + 4 return true
    elseif s:sub(pos, pos + 4) == "false" then pos = pos + 5 return false
    else
      local e = s:find("[^%d%.eE+-]", pos) or #s + 1
      local n = tonumber(s:sub(pos, e - 1)); pos = e
      return n
    end
  end
  return value()
end
local c = {}
for i = 1, 50000 do
  c[i] = {_keys = {"id", "name", "ok", "tags"}, id = i, name = "item " .. i, ok = (i % 2) == 0, tags = {"a", "b"}}
end
local text, back
for _ = 1, 3 do
  local out = {}
  encode(c, out)
  text = table.concat(out)
  back = decode(text)
end
print(#back, #text)
