-- POST a new signature per request to the URL given to wrk: a unique email, and a client address of its own
-- (X-Forwarded-For, which the app trusts from 127.0.0.1), as at a viral peak. BENCH_RUN keeps runs apart.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

local run = os.getenv("BENCH_RUN") or "run"
local countries = { "BE", "UA", "PL", "DE", "FR", "GB", "US", "NL", "SE", "LT", "CZ", "GE" }
numbered_threads()

function request()
  sent = sent + 1
  local n = id * 10000000 + sent
  local body = string.format(
      '{"kind":"INDIVIDUAL","name":"Bench Signer %d","email":"bench-%s-%d@example.org","country":"%s","city":"",' ..
      '"display":"%s","comment":"","updates":false,"language":"en"}',
      n, run, n, countries[(n % #countries) + 1], (n % 3 == 0) and "HIDDEN" or "FULL_NAME")
  local headers = {
    ["Content-Type"] = "application/json",
    ["Accept-Language"] = "en",
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256),
  }
  return wrk.format("POST", nil, headers, body)
end
