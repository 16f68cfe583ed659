-- wrk script for ops/bin/bench's write step: POST /api/v1/orders as one customer, one line of one
-- product, each request with its own Idempotency-Key (run prefix, wrk thread, counter), so every
-- request creates an order instead of replaying the first one.
--   wrk -t2 -c32 -d30s --latency -s ops/bench/wrk/orders.lua http://127.0.0.1:8083/api/v1/orders \
--     -- ACCESS_TOKEN PRODUCT_ID KEY_PREFIX
-- done() prints the status counts and one machine-readable line (ok = 2xx responses only).

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function init(args)
  if #args < 3 then
    error("usage: wrk ... -s orders.lua URL -- ACCESS_TOKEN PRODUCT_ID KEY_PREFIX")
  end
  token = args[1]
  body = '{"lines":[{"productId":"' .. args[2] .. '","quantity":1}]}'
  prefix = args[3] .. "-" .. thread_id .. "-"
  counter = 0
  statuses = {}
end

function request()
  counter = counter + 1
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = prefix .. counter,
  }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  local ok, codes = 0, {}
  for status, n in pairs(counts) do
    if status >= 200 and status < 300 then ok = ok + n end
    table.insert(codes, status)
  end
  table.sort(codes)
  io.write("status counts:")
  for _, status in ipairs(codes) do
    io.write(string.format(" %d=%d", status, counts[status]))
  end
  io.write("\n")
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f ok_rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "non2xx=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, seconds, summary.requests / seconds, ok / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests - ok, e.connect, e.read, e.write, e.timeout))
end
