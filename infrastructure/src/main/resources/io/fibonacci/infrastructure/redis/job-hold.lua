-- Renews a worker's hold on one delivered entry, or hands it back for another attempt, provided
-- the worker still holds it (a worker whose lease ran out does not take the entry back).
--
-- KEYS[1]  the stream of jobs
-- ARGV[1]  the consumer group
-- ARGV[2]  the worker's consumer name
-- ARGV[3]  the entry's id
-- ARGV[4]  the idle time to set, in milliseconds: 0 renews the lease, the lease itself makes the
--          entry reclaimable at once (the next XAUTOCLAIM counts it as a new delivery)
--
-- Returns 1 when done, 0 when the worker no longer holds the entry.
local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
if #pending == 0 or pending[1][2] ~= ARGV[2] then
  return 0
end
redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'IDLE', ARGV[4], 'JUSTID')
return 1
