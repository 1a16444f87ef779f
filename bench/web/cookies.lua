-- wrk script: each request carries the cookie of one of the sessions listed in
-- $FOURD_COOKIES, taken in turn (threads start at different offsets).
local cookies = {}
local i = 0
function init(args)
  for line in io.lines(os.getenv("FOURD_COOKIES")) do
    cookies[#cookies + 1] = line
  end
  i = math.random(#cookies)
end
local path = os.getenv("FOURD_PATH") or "/4DACTION/hello"
function request()
  i = i % #cookies + 1
  return wrk.format("GET", path, { ["Cookie"] = cookies[i] })
end
