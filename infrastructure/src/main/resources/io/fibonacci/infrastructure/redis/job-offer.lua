-- Queues one job unless the queue is full, atomically.
--
-- KEYS[1]  the stream of jobs
-- ARGV[1]  the capacity: entries waiting or delivered but not yet acknowledged
-- ARGV[2]  the job's id
--
-- Returns 1 when queued, 0 when full. Acknowledged entries are deleted, so the stream's length is
-- what the queue holds.
if redis.call('XLEN', KEYS[1]) >= tonumber(ARGV[1]) then
  return 0
end
redis.call('XADD', KEYS[1], '*', 'job', ARGV[2])
return 1
