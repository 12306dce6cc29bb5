-- GET the URL given to wrk over and over, as browsers would (HTML and JSON accepted). Optional, from the
-- environment: BENCH_ACCEPT_ENCODING (e.g. gzip), BENCH_IF_NONE_MATCH / BENCH_IF_MODIFIED_SINCE (conditional
-- requests, answered 304), BENCH_UNIQUE_QUERY=1 (a query parameter of its own on every request: a cache miss for
-- any cache keyed by the whole URL).
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
wrk.headers["Accept"] = "text/html,application/json"
for header, variable in pairs({ ["Accept-Encoding"] = "BENCH_ACCEPT_ENCODING", ["If-None-Match"] = "BENCH_IF_NONE_MATCH",
    ["If-Modified-Since"] = "BENCH_IF_MODIFIED_SINCE" }) do
  local value = os.getenv(variable)
  if value and value ~= "" then wrk.headers[header] = value end
end

if os.getenv("BENCH_UNIQUE_QUERY") == "1" then
  numbered_threads()
  local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  function request()
    sent = sent + 1
    return wrk.format(nil, wrk.path .. separator .. "bench-miss=" .. id .. "-" .. sent)
  end
end
