-- wrk script for the "uncached heavy load" scenario of scripts/bench-http.
-- Every request asks for a random n in [BENCH_HEAVY_MIN, BENCH_HEAVY_MAX] (default 200000..1000000),
-- so nearly every request misses the cache and costs a real computation. The answers are counted
-- per HTTP status; done() prints one line "status <code> <count>" per status seen, summed over threads.

local lo = tonumber(os.getenv("BENCH_HEAVY_MIN") or "200000")
local hi = tonumber(os.getenv("BENCH_HEAVY_MAX") or "1000000")
local threads = {}

function setup(thread)
  thread:set("thread_no", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  -- each thread has its own Lua state: seed it differently so the threads ask for different n
  math.randomseed(os.time() + 7919 * thread_no)
  per_status = {}
end

function request()
  return wrk.format("GET", "/api/v1/fibonacci/" .. math.random(lo, hi))
end

function response(status, headers, body)
  per_status[status] = (per_status[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("per_status") or {}) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("status %d %d\n", status, count))
  end
end
