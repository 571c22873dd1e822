-- One rate-limit check of one client, atomically: the token bucket and every fixed window.
-- The rule is RateLimitPolicy.decide's (the domain); one table of cases (rate-limit-cases.tsv)
-- runs against both, so the two cannot drift.
--
-- KEYS[1]  the client's bucket key: "<sec>:<nanos>", the instant its bucket is full again
-- ARGV[1]  the client's key base; window counters live at <base><window name>:<window index>
-- ARGV[2]  now, seconds since the epoch, or "" for the server's clock (TIME)
-- ARGV[3]  now, nanoseconds within that second (ignored when ARGV[2] is "")
-- ARGV[4]  the cost of the request in tokens
-- ARGV[5]  the bucket capacity in tokens
-- ARGV[6]  the refill time of one token, in nanoseconds
-- ARGV[7]  the number of windows, then per window: name, length in seconds, limit
--
-- Returns {allowed (1|0), bucket debt in nanoseconds, now seconds, now nanoseconds, count...}:
-- the state the decision was taken on (the debt, i.e. the time until the bucket is full, and the
-- count of each current window) as it was before the request. From it RateLimitPolicy.decide
-- builds what the client is told; a rejected request changes nothing.
--
-- Lua numbers are doubles: instants are kept as (seconds, nanoseconds) pairs so every value that
-- is computed stays below 2^53 and the arithmetic is exact.
local NANOS = 1000000000

local sec, ns
if ARGV[2] == '' then
  local time = redis.call('TIME')
  sec = tonumber(time[1])
  ns = tonumber(time[2]) * 1000
else
  sec = tonumber(ARGV[2])
  ns = tonumber(ARGV[3])
end

local base = ARGV[1]
local cost = tonumber(ARGV[4])
local capacity = tonumber(ARGV[5])
local nanosPerToken = tonumber(ARGV[6])
local windowCount = tonumber(ARGV[7])
local capacityNanos = capacity * nanosPerToken

local debt = 0
local fullAt = redis.call('GET', KEYS[1])
if fullAt then
  local fullSec, fullNs = string.match(fullAt, '^(%-?%d+):(%d+)$')
  if fullSec then
    local remaining = (tonumber(fullSec) - sec) * NANOS + (tonumber(fullNs) - ns)
    if remaining > 0 then
      debt = math.min(remaining, capacityNanos)
    end
  end
end

local allowed = cost <= capacity and debt + cost * nanosPerToken <= capacityNanos

local keys = {}
local counts = {}
local remainingMillis = {}
for i = 1, windowCount do
  local at = 8 + (i - 1) * 3
  local seconds = tonumber(ARGV[at + 1])
  local limit = tonumber(ARGV[at + 2])
  local index = math.floor(sec / seconds)
  keys[i] = base .. ARGV[at] .. ':' .. string.format('%d', index)
  counts[i] = tonumber(redis.call('GET', keys[i]) or '0')
  local untilEnd = ((index + 1) * seconds - sec) * NANOS - ns
  remainingMillis[i] = math.max(1, math.ceil(untilEnd / 1000000))
  if counts[i] >= limit then
    allowed = false
  end
end

local reply = {allowed and 1 or 0, debt, sec, ns}
for i = 1, windowCount do
  reply[4 + i] = counts[i]
end

if allowed then
  debt = debt + cost * nanosPerToken
  local total = ns + debt
  local carry = math.floor(total / NANOS)
  local full = string.format('%d:%d', sec + carry, total - carry * NANOS)
  redis.call('SET', KEYS[1], full, 'PX', math.max(1, math.ceil(debt / 1000000)))
  for i = 1, windowCount do
    redis.call('INCR', keys[i])
    redis.call('PEXPIRE', keys[i], remainingMillis[i])
  end
end
return reply
