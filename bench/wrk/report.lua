-- Shared by the wrk scripts of bench/: at the end, one line that the shell scripts read.
-- wrk reports latencies in microseconds and the duration in microseconds.
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("result requests=%d errors=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
      summary.requests, errors, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end

-- For scripts that make every request unique: each thread gets an id (0, 1, …) and counts what it sent ("sent").
function numbered_threads()
  local threads = {}
  function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
  end
  function init(args)
    sent = 0
  end
end
