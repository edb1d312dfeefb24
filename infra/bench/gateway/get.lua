-- wrk script: GET one path, each request with the next user's bearer token (round robin), so the
-- gateway's per-user rate limit is exercised the way many users exercise it, not tripped by one.
-- usage: wrk -s get.lua URL -- /api/v1/population/migrants/ID tokens.txt

local path
local tokens = {}
local next_token = 0

function init(args)
  path = args[1]
  for line in io.lines(args[2]) do
    if #line > 0 then
      tokens[#tokens + 1] = "Bearer " .. line
    end
  end
end

function request()
  next_token = next_token % #tokens + 1
  return wrk.format("GET", path, { ["Authorization"] = tokens[next_token] })
end
