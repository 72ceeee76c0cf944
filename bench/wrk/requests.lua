-- One benchmark scenario for wrk. Each request is the next line of a request file, so the
-- load is spread over many signed-in people (and, for posts, their own check-ins):
--
--   METHOD <TAB> PATH <TAB> COOKIE <TAB> BODY
--
-- The file comes as the first script argument: wrk ... -s requests.lua URL -- FILE
-- A POST body is url-encoded and carries its CSRF token; the cookie carries the session
-- (or, before sign-in, the CSRF cookie the token must match).

local requests = {}
local next_index = 0

function init(args)
  for line in io.lines(args[1]) do
    local method, path, cookie, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
    if method then
      local headers = {}
      if cookie ~= "" then
        headers["Cookie"] = cookie
      end
      if method == "POST" then
        headers["Content-Type"] = "application/x-www-form-urlencoded"
      else
        body = nil
      end
      requests[#requests + 1] = wrk.format(method, path, headers, body)
    end
  end
  -- Threads start at different lines, so they do not march in step.
  math.randomseed(os.time() + #requests + math.floor(os.clock() * 1e6))
  next_index = math.random(#requests) - 1
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end

-- One line the runner parses: requests, duration (µs), p50 and p99 latency (µs),
-- socket errors, and responses with a status of 400 or more.
function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
