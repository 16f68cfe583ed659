-- wrk script for ops/bin/bench: adds one machine-readable summary line to wrk's own output, so the
-- bench script reads figures without parsing wrk's human-readable units. Defines no request or
-- response function, so wrk keeps its fast path (pre-built request, no Lua per response).
--   wrk -t2 -c32 -d30s --latency -s ops/bench/wrk/report.lua URL

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f ok_rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "non2xx3xx=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    (summary.requests - e.status) / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect, e.read, e.write, e.timeout))
end
