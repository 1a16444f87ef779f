local function rec_tree(depth, path)
  local node = {path = path, value = #path}
  if depth > 0 then
    node.left = rec_tree(depth - 1, path .. "L")
    node.right = rec_tree(depth - 1, path .. "R")
  end
  return node
end
local function rec_walk(node)
  local s = node.value
  if node.left ~= nil then
    s = s + rec_walk(node.left) + rec_walk(node.right)
  elseif string.sub(node.path, #node.path, #node.path) == "L" then
    s = s + 1
  end
  return s
end
local function rec_count(t, c)
  if #t <= 1 then return (t == c) and 1 or 0 end
  local mid = #t // 2
  return rec_count(string.sub(t, 1, mid), c) + rec_count(string.sub(t, mid + 1), c)
end
local total = 0.0
for i = 1, 3 do
  local tree = rec_tree(15, "")
  total = total + rec_walk(tree)
end
local t = ""
for i = 1, 4096 do t = t .. string.char(97 + i % 5) end
local n = 0
for i = 1, 10 do n = n + rec_count(t, "c") end
print(math.floor(total), n)
